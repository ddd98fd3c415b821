package org.suyuan.db.code;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A code that was issued: a batch's trace code (item number 0) or one of its serials (1, 2, 3...). The code
 * is the primary key, so the database refuses a second row with the same code whoever mints it.
 */
@Entity
@Table(name = "issued_code")
public class IssuedCode {

    @Id
    private String code;

    @Enumerated(EnumType.STRING)
    private CodeKind kind;

    private Long organizationId;

    private Long batchId;

    private int itemNumber;

    @Column(updatable = false)
    private Instant issuedAt;

    private String issuedBy;

    @Enumerated(EnumType.STRING)
    private CodeStatus status;

    private Instant disabledAt;

    private String disabledBy;

    private String disabledReason;

    /** Null until stored, which tells Spring Data that a row with an assigned key is new (no select first). */
    @Version
    private Long version;

    protected IssuedCode() {}

    private IssuedCode(
            String code,
            CodeKind kind,
            Long organizationId,
            Long batchId,
            int itemNumber,
            Instant issuedAt,
            String issuedBy) {
        this.code = code;
        this.kind = kind;
        this.organizationId = organizationId;
        this.batchId = batchId;
        this.itemNumber = itemNumber;
        this.issuedAt = issuedAt;
        this.issuedBy = issuedBy;
        this.status = CodeStatus.ACTIVE;
    }

    /** The trace code of a batch; {@code issuedBy} is null when the system issued it on opening the batch. */
    public static IssuedCode forBatch(
            String code, Long organizationId, Long batchId, Instant issuedAt, String issuedBy) {
        return new IssuedCode(code, CodeKind.BATCH, organizationId, batchId, 0, issuedAt, issuedBy);
    }

    /** Serial number {@code itemNumber} (from 1) of a batch. */
    public static IssuedCode forItem(
            String code, Long organizationId, Long batchId, int itemNumber, Instant issuedAt, String issuedBy) {
        if (itemNumber < 1) {
            throw new IllegalArgumentException("Serials are numbered from 1, got " + itemNumber);
        }
        return new IssuedCode(code, CodeKind.ITEM, organizationId, batchId, itemNumber, issuedAt, issuedBy);
    }

    /**
     * Takes the code out of use for good (lost or stolen labels).
     *
     * @throws IllegalStateException if it is already disabled; callers check {@link #isDisabled()} first
     */
    public void disable(String reason, String by, Instant at) {
        if (isDisabled()) {
            throw new IllegalStateException("Code " + code + " is already disabled");
        }
        this.status = CodeStatus.DISABLED;
        this.disabledReason = reason;
        this.disabledBy = by;
        this.disabledAt = at;
    }

    public boolean isDisabled() {
        return status == CodeStatus.DISABLED;
    }

    public String getCode() {
        return code;
    }

    public CodeKind getKind() {
        return kind;
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public Long getBatchId() {
        return batchId;
    }

    public int getItemNumber() {
        return itemNumber;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }

    public String getIssuedBy() {
        return issuedBy;
    }

    public CodeStatus getStatus() {
        return status;
    }

    public Instant getDisabledAt() {
        return disabledAt;
    }

    public String getDisabledBy() {
        return disabledBy;
    }

    public String getDisabledReason() {
        return disabledReason;
    }
}
