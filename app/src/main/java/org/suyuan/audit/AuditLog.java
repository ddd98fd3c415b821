package org.suyuan.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.suyuan.account.CurrentUser;
import org.suyuan.archive.PersonalDataProtection;
import org.suyuan.archive.Regions;
import org.suyuan.db.audit.AuditEntry;
import org.suyuan.db.audit.AuditEntryRepository;
import org.suyuan.web.ClientNetworks;

/**
 * The audit log (审计日志): who signed in or failed to, changed a password, issued or revoked a token, created a
 * user, registered an organization, exported, recalled; when; and from which network, as a keyed pseudonym of the
 * client's /24 or /48 like the scan log keeps (the address itself is never written). Entries are written in the
 * transaction of what they record, and never changed. Administrators read all of it; a regulator reads the recalls
 * and exports of their jurisdiction, which is what an inspector defending a recall needs.
 */
@Service
public class AuditLog {

    /** What a regulator may read: the recalls and exports of their jurisdiction. */
    private static final List<String> REGULATOR_ACTIONS = List.of(AuditAction.RECALL.name(), AuditAction.EXPORT.name());

    private static final int MAX_TEXT = 1000;

    private final AuditEntryRepository entries;
    private final PersonalDataProtection protection;
    private final Clock clock;

    AuditLog(AuditEntryRepository entries, PersonalDataProtection protection, Clock clock) {
        this.entries = entries;
        this.protection = protection;
        this.clock = clock;
    }

    /** One entry as readers see it. */
    public record Entry(
            Long id,
            Instant occurredAt,
            String actor,
            String actorRole,
            String action,
            String actionLabel,
            String subject,
            String regionCode,
            String detail,
            String network) {

        static Entry of(AuditEntry entry) {
            String label;
            try {
                label = AuditAction.valueOf(entry.getAction()).label();
            } catch (IllegalArgumentException unknown) {
                label = entry.getAction();
            }
            return new Entry(
                    entry.getId(),
                    entry.getOccurredAt(),
                    entry.getActor(),
                    entry.getActorRole(),
                    entry.getAction(),
                    label,
                    entry.getSubject(),
                    entry.getRegionCode(),
                    entry.getDetail(),
                    entry.getNetwork());
        }
    }

    /** Records what the signed-in user (or, outside a request, the system) did. */
    @Transactional
    public void record(AuditAction action, String subject, String regionCode, String detail) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
        String actor = signedIn ? authentication.getName() : currentRequest() == null ? "system" : "anonymous";
        recordAs(actor, signedIn ? role(authentication) : null, action, subject, regionCode, detail);
    }

    /** Records what someone not (yet) signed in did: a sign-in, for example, names its account itself. */
    @Transactional
    public void recordAs(
            String actor, String actorRole, AuditAction action, String subject, String regionCode, String detail) {
        entries.save(new AuditEntry(
                clock.instant(),
                clip(actor == null ? "anonymous" : actor, 100),
                actorRole,
                action.name(),
                clip(subject, 200),
                regionCode,
                clip(detail, MAX_TEXT),
                network()));
    }

    /** The log as this reader may see it, newest first. */
    @Transactional(readOnly = true)
    public Page<Entry> entries(CurrentUser reader, int page, int size) {
        PageRequest request = PageRequest.of(Math.max(0, page), Math.min(Math.max(1, size), 200));
        if (reader.isAdministrator()) {
            return entries.findAllByOrderByIdDesc(request).map(Entry::of);
        }
        if (reader.isRegulator() && reader.jurisdictionCode() != null) {
            return entries.findAllByActionInAndRegionCodeStartingWithOrderByIdDesc(
                            REGULATOR_ACTIONS, Regions.prefixOf(reader.jurisdictionCode()), request)
                    .map(Entry::of);
        }
        throw new AccessDeniedException("只有管理员和监管人员可以查看审计日志。");
    }

    private String network() {
        HttpServletRequest request = currentRequest();
        if (request == null) {
            return "-";
        }
        return protection.networkPseudonym(ClientNetworks.of(request.getRemoteAddr()));
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest()
                : null;
    }

    private static String role(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .findFirst()
                .orElse(null);
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
