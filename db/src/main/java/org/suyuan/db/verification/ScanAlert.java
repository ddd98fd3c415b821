package org.suyuan.db.verification;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A serial scanned more often, or in more places, than one item can be: possibly a copied label. */
@Entity
@Immutable
@Table(name = "scan_alert")
public class ScanAlert {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;

    private Long batchId;

    private Long organizationId;

    private Instant raisedAt;

    private Instant windowStart;

    private int scans;

    private int networks;

    private String reason;

    protected ScanAlert() {}

    public ScanAlert(
            String code,
            Long batchId,
            Long organizationId,
            Instant raisedAt,
            Instant windowStart,
            int scans,
            int networks,
            String reason) {
        this.code = code;
        this.batchId = batchId;
        this.organizationId = organizationId;
        this.raisedAt = raisedAt;
        this.windowStart = windowStart;
        this.scans = scans;
        this.networks = networks;
        this.reason = reason;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public Long getBatchId() {
        return batchId;
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public Instant getRaisedAt() {
        return raisedAt;
    }

    public Instant getWindowStart() {
        return windowStart;
    }

    public int getScans() {
        return scans;
    }

    public int getNetworks() {
        return networks;
    }

    public String getReason() {
        return reason;
    }
}
