package org.suyuan.db.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * One line of the audit log: who did what, when, to what, and from which network (a keyed pseudonym of the client's
 * coarse network, never its address). Immutable: there is no setter, Hibernate never updates it, and the repository
 * can only add and read.
 */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Instant occurredAt;

    private String actor;

    private String actorRole;

    private String action;

    private String subject;

    private String regionCode;

    private String detail;

    private String network;

    protected AuditEntry() {}

    /**
     * @param actor the username of who acted ({@code anonymous} or {@code system} when nobody was signed in)
     * @param actorRole their role, when signed in
     * @param action what was done, a stable name such as {@code RECALL}
     * @param subject what it was done to (a batch, a user, an organization, an export's selection)
     * @param regionCode the region it concerns, for regulators reading the log of their jurisdiction
     * @param detail anything else worth keeping, such as a recall's reason
     * @param network the pseudonym of the client's network
     */
    public AuditEntry(
            Instant occurredAt,
            String actor,
            String actorRole,
            String action,
            String subject,
            String regionCode,
            String detail,
            String network) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.actorRole = actorRole;
        this.action = action;
        this.subject = subject;
        this.regionCode = regionCode;
        this.detail = detail;
        this.network = network;
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getActorRole() {
        return actorRole;
    }

    public String getAction() {
        return action;
    }

    public String getSubject() {
        return subject;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public String getDetail() {
        return detail;
    }

    public String getNetwork() {
        return network;
    }
}
