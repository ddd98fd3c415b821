package org.suyuan.audit;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.suyuan.account.AccountActivity;
import org.suyuan.archive.EventRecorded;
import org.suyuan.archive.OrganizationRegistered;
import org.suyuan.db.archive.BatchEventRepository;
import org.suyuan.db.archive.BatchRepository;
import org.suyuan.db.archive.EventType;
import org.suyuan.db.archive.OrganizationRepository;
import tools.jackson.databind.json.JsonMapper;

/**
 * What other features announce, written to the audit log as it happens, in the announcing transaction (a recall
 * rolled back leaves no entry). Signing in on the pages is an entry; HTTP Basic authenticates every API call and is
 * not (its failures are).
 */
@Component
class AuditListener {

    private final AuditLog log;
    private final BatchRepository batches;
    private final BatchEventRepository events;
    private final OrganizationRepository organizations;
    private final JsonMapper json;

    AuditListener(
            AuditLog log,
            BatchRepository batches,
            BatchEventRepository events,
            OrganizationRepository organizations,
            JsonMapper json) {
        this.log = log;
        this.batches = batches;
        this.events = events;
        this.organizations = organizations;
        this.json = json;
    }

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        String role = event.getAuthentication().getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .findFirst()
                .orElse(null);
        String name = event.getAuthentication().getName();
        log.recordAs(name, role, AuditAction.SIGN_IN, name, null, "网页登录");
    }

    @EventListener
    void account(AccountActivity activity) {
        switch (activity.action()) {
            case SIGN_IN_FAILED ->
                log.recordAs(null, null, AuditAction.SIGN_IN_FAILED, activity.username(), null, activity.detail());
            case SIGN_IN_THROTTLED ->
                log.recordAs(null, null, AuditAction.SIGN_IN_THROTTLED, activity.username(), null, activity.detail());
            case PASSWORD_CHANGED ->
                log.record(AuditAction.PASSWORD_CHANGED, activity.username(), null, activity.detail());
            case TOKEN_ISSUED -> log.record(AuditAction.TOKEN_ISSUED, activity.username(), null, activity.detail());
            case TOKEN_REVOKED -> log.record(AuditAction.TOKEN_REVOKED, activity.username(), null, activity.detail());
            case USER_CREATED -> log.record(AuditAction.USER_CREATED, activity.username(), null, activity.detail());
        }
    }

    @EventListener
    void organizationRegistered(OrganizationRegistered registered) {
        log.record(
                AuditAction.ORGANIZATION_REGISTERED,
                registered.name() + "（编号 " + registered.organizationId() + "）",
                registered.regionCode(),
                null);
    }

    /** Every recall event, whoever records it: a regulator's, the batches it reached downstream, a producer's own. */
    @EventListener
    void recalled(EventRecorded recorded) {
        if (recorded.type() != EventType.RECALL) {
            return;
        }
        String batchNumber = batches.findById(recorded.batchId())
                .map(batch -> batch.getBatchNumber())
                .orElse("?");
        String region = organizations
                .findById(recorded.organizationId())
                .map(organization -> organization.getRegionCode())
                .orElse(null);
        String reason = events.findByIdAndBatchId(recorded.eventId(), recorded.batchId())
                .map(event -> json.readTree(event.getDetails()))
                .map(details -> details.path("reason").asText(""))
                .filter(text -> !text.isBlank())
                .orElse(null);
        log.record(
                AuditAction.RECALL,
                "批次 " + batchNumber + "（编号 " + recorded.batchId() + "）",
                region,
                reason == null ? null : "原因：" + reason);
    }
}
