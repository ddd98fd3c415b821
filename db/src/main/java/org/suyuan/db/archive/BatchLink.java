package org.suyuan.db.archive;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** An edge of the supply graph: goods went from a source batch to another organization or batch. */
@Entity
@Table(name = "batch_link")
public class BatchLink {

    /** How the goods moved. */
    public enum Kind {
        /** Sold to an organization on Suyuan (去向); it becomes the buyer's source (来源) once received. */
        SHIPMENT,
        /** Used as an input of processing that produced the target batch. */
        PROCESSING
    }

    /** Whether the receiving side has taken the goods into a batch of its own. */
    public enum State {
        PENDING,
        CONFIRMED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    @Enumerated(EnumType.STRING)
    private State state;

    private Long sourceBatchId;

    private Long sourceEventId;

    private Long sourceOrganizationId;

    private Long targetOrganizationId;

    private Long targetBatchId;

    private BigDecimal quantityAmount;

    private String quantityUnit;

    private Instant createdAt;

    private Instant confirmedAt;

    protected BatchLink() {}

    public static BatchLink shipment(
            Long sourceBatchId,
            Long sourceEventId,
            Long sourceOrganizationId,
            Long buyerOrganizationId,
            BigDecimal amount,
            String unit,
            Instant createdAt) {
        BatchLink link = new BatchLink();
        link.kind = Kind.SHIPMENT;
        link.state = State.PENDING;
        link.sourceBatchId = sourceBatchId;
        link.sourceEventId = sourceEventId;
        link.sourceOrganizationId = sourceOrganizationId;
        link.targetOrganizationId = buyerOrganizationId;
        link.quantityAmount = amount;
        link.quantityUnit = unit;
        link.createdAt = createdAt;
        return link;
    }

    public static BatchLink processingInput(
            Long inputBatchId,
            Long processingEventId,
            Long organizationId,
            Long outputBatchId,
            BigDecimal amount,
            String unit,
            Instant createdAt) {
        BatchLink link = new BatchLink();
        link.kind = Kind.PROCESSING;
        link.state = State.CONFIRMED;
        link.sourceBatchId = inputBatchId;
        link.sourceEventId = processingEventId;
        link.sourceOrganizationId = organizationId;
        link.targetOrganizationId = organizationId;
        link.targetBatchId = outputBatchId;
        link.quantityAmount = amount;
        link.quantityUnit = unit;
        link.createdAt = createdAt;
        link.confirmedAt = createdAt;
        return link;
    }

    /** The buyer took the goods into its own batch. */
    public void confirm(Long downstreamBatchId, Instant at) {
        if (state != State.PENDING) {
            throw new IllegalStateException("Link " + id + " is already " + state);
        }
        this.state = State.CONFIRMED;
        this.targetBatchId = downstreamBatchId;
        this.confirmedAt = at;
    }

    public Long getId() {
        return id;
    }

    public Kind getKind() {
        return kind;
    }

    public State getState() {
        return state;
    }

    public Long getSourceBatchId() {
        return sourceBatchId;
    }

    public Long getSourceEventId() {
        return sourceEventId;
    }

    public Long getSourceOrganizationId() {
        return sourceOrganizationId;
    }

    public Long getTargetOrganizationId() {
        return targetOrganizationId;
    }

    public Long getTargetBatchId() {
        return targetBatchId;
    }

    public BigDecimal getQuantityAmount() {
        return quantityAmount;
    }

    public String getQuantityUnit() {
        return quantityUnit;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }
}
