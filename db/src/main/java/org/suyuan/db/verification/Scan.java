package org.suyuan.db.verification;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One scan of a code: when, and a keyed hash of the client's coarse network (never its address). */
@Entity
@Immutable
@Table(name = "scan")
public class Scan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;

    private Long batchId;

    private Instant scannedAt;

    private String network;

    protected Scan() {}

    public Scan(String code, Long batchId, Instant scannedAt, String network) {
        this.code = code;
        this.batchId = batchId;
        this.scannedAt = scannedAt;
        this.network = network;
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

    public Instant getScannedAt() {
        return scannedAt;
    }

    public String getNetwork() {
        return network;
    }
}
