package org.suyuan.db.verification;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * One thing the integrity audit found wrong, with the batch and trace code it concerns (null for a finding about
 * an anchor as a whole).
 *
 * @see IntegrityAudit
 */
@Entity
@Immutable
@Table(name = "integrity_finding")
public class IntegrityFinding {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long auditId;

    private String kind;

    private Long batchId;

    private Long organizationId;

    private String batchNumber;

    private String code;

    private Integer sequenceNumber;

    private Long anchorSequence;

    private String detail;

    protected IntegrityFinding() {}

    public IntegrityFinding(
            Long auditId,
            String kind,
            Long batchId,
            Long organizationId,
            String batchNumber,
            String code,
            Integer sequenceNumber,
            Long anchorSequence,
            String detail) {
        this.auditId = auditId;
        this.kind = kind;
        this.batchId = batchId;
        this.organizationId = organizationId;
        this.batchNumber = batchNumber;
        this.code = code;
        this.sequenceNumber = sequenceNumber;
        this.anchorSequence = anchorSequence;
        this.detail = detail.length() <= 1000 ? detail : detail.substring(0, 1000);
    }

    public Long getId() {
        return id;
    }

    public Long getAuditId() {
        return auditId;
    }

    public String getKind() {
        return kind;
    }

    public Long getBatchId() {
        return batchId;
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public String getBatchNumber() {
        return batchNumber;
    }

    public String getCode() {
        return code;
    }

    public Integer getSequenceNumber() {
        return sequenceNumber;
    }

    public Long getAnchorSequence() {
        return anchorSequence;
    }

    public String getDetail() {
        return detail;
    }
}
