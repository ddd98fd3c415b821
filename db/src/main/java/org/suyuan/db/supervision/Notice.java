package org.suyuan.db.supervision;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Something a producer must know: a failed spot check, a recall that reaches its batches. */
@Entity
@Table(name = "notice")
public class Notice {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long organizationId;

    private Long batchId;

    private String kind;

    private String message;

    private Instant createdAt;

    private Instant readAt;

    protected Notice() {}

    public Notice(Long organizationId, Long batchId, String kind, String message, Instant createdAt) {
        this.organizationId = organizationId;
        this.batchId = batchId;
        this.kind = kind;
        this.message = message;
        this.createdAt = createdAt;
    }

    public void markRead(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
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

    public String getKind() {
        return kind;
    }

    public String getMessage() {
        return message;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getReadAt() {
        return readAt;
    }
}
