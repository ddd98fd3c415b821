package org.suyuan.db.archive;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** A batch (批次): one product from one plot in one production cycle; the unit that gets a code. */
@Entity
@Table(name = "batch")
public class Batch {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long organizationId;

    private Long productId;

    private Long plotId;

    private String batchNumber;

    @Enumerated(EnumType.STRING)
    private BatchStatus status;

    private LocalDate startedOn;

    @Column(updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Batch() {}

    public Batch(
            Long organizationId,
            Long productId,
            Long plotId,
            String batchNumber,
            LocalDate startedOn,
            Instant createdAt) {
        this.organizationId = organizationId;
        this.productId = productId;
        this.plotId = plotId;
        this.batchNumber = batchNumber;
        this.startedOn = startedOn;
        this.createdAt = createdAt;
        this.status = BatchStatus.IN_PRODUCTION;
    }

    /**
     * Records that the batch reached a stage. Status only moves forward: a late harvest entry on a batch already
     * shipped leaves it shipped, and a recalled batch stays recalled.
     */
    public void reach(BatchStatus stage) {
        if (status.canBecome(stage)) {
            status = stage;
        }
    }

    public Long getId() {
        return id;
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public Long getProductId() {
        return productId;
    }

    public Long getPlotId() {
        return plotId;
    }

    public String getBatchNumber() {
        return batchNumber;
    }

    public BatchStatus getStatus() {
        return status;
    }

    public LocalDate getStartedOn() {
        return startedOn;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
