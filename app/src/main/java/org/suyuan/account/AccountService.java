package org.suyuan.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suyuan.db.account.ApiToken;
import org.suyuan.db.account.ApiTokenRepository;
import org.suyuan.db.account.UserAccount;
import org.suyuan.db.account.UserAccountRepository;
import org.suyuan.db.archive.OrganizationRepository;
import org.suyuan.problem.ConflictException;
import org.suyuan.problem.NotFoundException;
import org.suyuan.problem.ValidationFailedException;

/**
 * Creates users and tokens, changes passwords, revokes tokens. Every password set here must pass the
 * {@link PasswordPolicy}; every change is published as an {@link AccountActivity} for the audit log.
 */
@Service
public class AccountService {

    private final UserAccountRepository users;
    private final OrganizationRepository organizations;
    private final ApiTokenRepository tokens;
    private final PasswordEncoder passwords;
    private final ApiTokenAuthenticator tokenAuthenticator;
    private final TokenProperties tokenProperties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountService(
            UserAccountRepository users,
            OrganizationRepository organizations,
            ApiTokenRepository tokens,
            PasswordEncoder passwords,
            ApiTokenAuthenticator tokenAuthenticator,
            TokenProperties tokenProperties,
            ApplicationEventPublisher events,
            Clock clock) {
        this.users = users;
        this.organizations = organizations;
        this.tokens = tokens;
        this.passwords = passwords;
        this.tokenAuthenticator = tokenAuthenticator;
        this.tokenProperties = tokenProperties;
        this.events = events;
        this.clock = clock;
    }

    /** A new bearer token; its secret is returned once and never stored. */
    public record IssuedToken(Long id, String name, String secret, Instant expiresAt) {}

    /**
     * A bearer token as its owner sees it in the list: never its secret.
     *
     * @param state {@code ACTIVE}, {@code EXPIRED} or {@code REVOKED}
     */
    public record TokenSummary(
            Long id, String name, Instant createdAt, Instant expiresAt, Instant revokedAt, String state) {}

    @Transactional
    public CurrentUser createProducer(String username, String password, String displayName, Long organizationId) {
        if (!organizations.existsById(organizationId)) {
            throw NotFoundException.organization(organizationId);
        }
        PasswordPolicy.require("password", username, password);
        return created(
                save(UserAccount.producer(
                        username, passwords.encode(password), displayName, organizationId, clock.instant())),
                "生产经营主体用户，主体编号 " + organizationId);
    }

    @Transactional
    public CurrentUser createRegulator(String username, String password, String displayName, String jurisdiction) {
        PasswordPolicy.require("password", username, password);
        return created(
                save(UserAccount.regulator(
                        username, passwords.encode(password), displayName, jurisdiction, clock.instant())),
                "监管人员，辖区 " + jurisdiction);
    }

    /**
     * An account for a township inspection station (快检室) that reports to the bureau of {@code jurisdiction}: it
     * records rapid tests and sees nothing else.
     */
    @Transactional
    public CurrentUser createStation(String username, String password, String stationName, String jurisdiction) {
        PasswordPolicy.require("password", username, password);
        return created(
                save(UserAccount.station(
                        username, passwords.encode(password), stationName, jurisdiction, clock.instant())),
                "快检室，所属辖区 " + jurisdiction);
    }

    @Transactional
    public CurrentUser createAdministrator(String username, String password, String displayName) {
        PasswordPolicy.require("password", username, password);
        return created(
                save(UserAccount.administrator(username, passwords.encode(password), displayName, clock.instant())),
                "管理员");
    }

    @Transactional(readOnly = true)
    public boolean anyUserExists() {
        return users.count() > 0;
    }

    /** Every user, for administrators, in the order they were created. */
    @Transactional(readOnly = true)
    public List<CurrentUser> allUsers() {
        return users.findAll(org.springframework.data.domain.Sort.by("id")).stream()
                .map(account -> new SuyuanUserDetails(account).user())
                .toList();
    }

    /**
     * Changes the password after checking the current one, so a borrowed unlocked phone cannot lock its owner out.
     * Every bearer token of the user is revoked with it: a token handed to a lost phone or a former integrator must
     * not outlive the password that was changed because of it.
     *
     * @return false when the current password is wrong (nothing changes)
     */
    @Transactional
    public boolean changePassword(CurrentUser user, String currentPassword, String newPassword) {
        UserAccount account = users.findById(user.id()).orElseThrow(() -> NotFoundException.user(user.username()));
        if (!passwords.matches(currentPassword, account.getPasswordHash())) {
            return false;
        }
        PasswordPolicy.require("newPassword", account.getUsername(), newPassword);
        account.changePasswordHash(passwords.encode(newPassword));
        int revoked = tokens.revokeAllOf(account.getId(), clock.instant());
        tokenAuthenticator.forgetUser(account.getId());
        events.publishEvent(new AccountActivity(
                AccountActivity.Action.PASSWORD_CHANGED, account.getUsername(), "同时撤销访问令牌 " + revoked + " 个"));
        return true;
    }

    /**
     * Issues a bearer token for {@code validity} ({@code null}: the default lifetime), at most the maximum lifetime.
     */
    @Transactional
    public IssuedToken issueToken(CurrentUser user, String name, Duration validity) {
        Duration lifetime = validity == null ? tokenProperties.defaultLifetime() : validity;
        if (lifetime.compareTo(tokenProperties.maxLifetime()) > 0) {
            throw new ValidationFailedException(List.of(new ValidationFailedException.FieldError(
                    "validDays", "访问令牌最长有效 " + tokenProperties.maxLifetime().toDays() + " 天")));
        }
        String secret = ApiTokens.newSecret();
        Instant now = clock.instant();
        ApiToken token = tokens.save(new ApiToken(user.id(), name, ApiTokens.hashOf(secret), now, now.plus(lifetime)));
        events.publishEvent(new AccountActivity(
                AccountActivity.Action.TOKEN_ISSUED,
                user.username(),
                "令牌 " + token.getId() + "“" + name + "”，有效至 " + token.getExpiresAt()));
        return new IssuedToken(token.getId(), name, secret, token.getExpiresAt());
    }

    /** The user's own tokens, newest first. */
    @Transactional(readOnly = true)
    public List<TokenSummary> tokens(CurrentUser user) {
        Instant now = clock.instant();
        return tokens.findAllByUserIdOrderByIdDesc(user.id()).stream()
                .map(token -> new TokenSummary(
                        token.getId(),
                        token.getName(),
                        token.getCreatedAt(),
                        tokenAuthenticator.effectiveExpiry(token),
                        token.getRevokedAt(),
                        token.getRevokedAt() != null
                                ? "REVOKED"
                                : tokenAuthenticator.effectiveExpiry(token).isAfter(now) ? "ACTIVE" : "EXPIRED"))
                .toList();
    }

    /** Revokes one of the user's own tokens; another user's token answers as one that does not exist. */
    @Transactional
    public void revokeToken(CurrentUser user, long tokenId) {
        ApiToken token =
                tokens.findByIdAndUserId(tokenId, user.id()).orElseThrow(() -> NotFoundException.token(tokenId));
        if (token.getRevokedAt() != null) {
            return;
        }
        token.revoke(clock.instant());
        tokenAuthenticator.forgetUser(user.id());
        events.publishEvent(new AccountActivity(
                AccountActivity.Action.TOKEN_REVOKED, user.username(), "令牌 " + tokenId + "“" + token.getName() + "”"));
    }

    /** A user as the application acts on their behalf, when it must act for them without a request (demo). */
    @Transactional(readOnly = true)
    public CurrentUser user(String username) {
        return users.findByUsername(username)
                .map(account -> new SuyuanUserDetails(account).user())
                .orElseThrow(() -> new IllegalStateException("No user " + username));
    }

    private CurrentUser created(CurrentUser user, String detail) {
        events.publishEvent(new AccountActivity(AccountActivity.Action.USER_CREATED, user.username(), detail));
        return user;
    }

    private CurrentUser save(UserAccount account) {
        if (users.existsByUsername(account.getUsername())) {
            throw ConflictException.duplicateUsername(account.getUsername());
        }
        return new SuyuanUserDetails(users.save(account)).user();
    }
}
