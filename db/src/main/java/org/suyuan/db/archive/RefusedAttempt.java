package org.suyuan.db.archive;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** An attempt to record something a rule refused; inspectors review these. */
@Entity
@Immutable
@Table(name = "refused_attempt")
public class RefusedAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long organizationId;

    private Long batchId;

    private String username;

    private Instant attemptedAt;

    private String rule;

    @Enumerated(EnumType.STRING)
    private EventType eventType;

    private String message;

    @Column(columnDefinition = "text")
    private String request;

    protected RefusedAttempt() {}

    public RefusedAttempt(
            Long organizationId,
            Long batchId,
            String username,
            Instant attemptedAt,
            String rule,
            EventType eventType,
            String message,
            String request) {
        this.organizationId = organizationId;
        this.batchId = batchId;
        this.username = username;
        this.attemptedAt = attemptedAt;
        this.rule = rule;
        this.eventType = eventType;
        this.message = message;
        this.request = request;
    }

    public Long getId() {
        return id;
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public Long getBatchId() {
        return batchId;
    }

    public String getUsername() {
        return username;
    }

    public Instant getAttemptedAt() {
        return attemptedAt;
    }

    /** The stable name of the rule that refused it, the same as the problem type's last segment. */
    public String getRule() {
        return rule;
    }

    public EventType getEventType() {
        return eventType;
    }

    public String getMessage() {
        return message;
    }

    /** The refused request as JSON, so an inspector sees exactly what was attempted. */
    public String getRequest() {
        return request;
    }
}
