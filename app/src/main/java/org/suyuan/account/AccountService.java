package org.suyuan.account;

import java.time.Clock;
import java.time.Duration;
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

/** Creates users and tokens, and changes passwords. */
@Service
public class AccountService {

    private final UserAccountRepository users;
    private final OrganizationRepository organizations;
    private final ApiTokenRepository tokens;
    private final PasswordEncoder passwords;
    private final Clock clock;

    AccountService(
            UserAccountRepository users,
            OrganizationRepository organizations,
            ApiTokenRepository tokens,
            PasswordEncoder passwords,
            Clock clock) {
        this.users = users;
        this.organizations = organizations;
        this.tokens = tokens;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** A new bearer token; its secret is returned once and never stored. */
    public record IssuedToken(Long id, String name, String secret, java.time.Instant expiresAt) {}

    @Transactional
    public CurrentUser createProducer(String username, String password, String displayName, Long organizationId) {
        if (!organizations.existsById(organizationId)) {
            throw NotFoundException.organization(organizationId);
        }
        return save(UserAccount.producer(
                username, passwords.encode(password), displayName, organizationId, clock.instant()));
    }

    @Transactional
    public CurrentUser createRegulator(String username, String password, String displayName, String jurisdiction) {
        return save(UserAccount.regulator(
                username, passwords.encode(password), displayName, jurisdiction, clock.instant()));
    }

    @Transactional
    public CurrentUser createAdministrator(String username, String password, String displayName) {
        return save(UserAccount.administrator(username, passwords.encode(password), displayName, clock.instant()));
    }

    @Transactional(readOnly = true)
    public boolean anyUserExists() {
        return users.count() > 0;
    }

    /** Changes the password after checking the current one, so a borrowed unlocked phone cannot lock its owner out. */
    @Transactional
    public boolean changePassword(CurrentUser user, String currentPassword, String newPassword) {
        UserAccount account = users.findById(user.id()).orElseThrow(() -> NotFoundException.user(user.username()));
        if (!passwords.matches(currentPassword, account.getPasswordHash())) {
            return false;
        }
        account.changePasswordHash(passwords.encode(newPassword));
        return true;
    }

    @Transactional
    public IssuedToken issueToken(CurrentUser user, String name, Duration validity) {
        String secret = ApiTokens.newSecret();
        ApiToken token = tokens.save(new ApiToken(
                user.id(),
                name,
                ApiTokens.hashOf(secret),
                clock.instant(),
                clock.instant().plus(validity)));
        return new IssuedToken(token.getId(), name, secret, token.getExpiresAt());
    }

    /** A user as the application acts on their behalf, when it must act for them without a request (demo). */
    @Transactional(readOnly = true)
    public CurrentUser user(String username) {
        return users.findByUsername(username)
                .map(account -> new SuyuanUserDetails(account).user())
                .orElseThrow(() -> new IllegalStateException("No user " + username));
    }

    private CurrentUser save(UserAccount account) {
        if (users.existsByUsername(account.getUsername())) {
            throw ConflictException.duplicateUsername(account.getUsername());
        }
        return new SuyuanUserDetails(users.save(account)).user();
    }
}
