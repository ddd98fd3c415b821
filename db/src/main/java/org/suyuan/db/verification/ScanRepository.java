package org.suyuan.db.verification;

import java.time.Instant;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** The scan log: appended to on every scan, counted for the page and for the counterfeit check. */
public interface ScanRepository extends Repository<Scan, Long> {

    Scan save(Scan scan);

    /** How often a code was scanned, and when first. */
    interface ScanSummary {
        long getScans();

        Instant getFirstScannedAt();
    }

    @Query("select count(s) as scans, min(s.scannedAt) as firstScannedAt from Scan s where s.code = :code")
    ScanSummary summarize(@Param("code") String code);

    /** Scans of a code since a moment, and from how many distinct networks. */
    interface WindowCount {
        long getScans();

        long getNetworks();
    }

    @Query("select count(s) as scans, count(distinct s.network) as networks from Scan s"
            + " where s.code = :code and s.scannedAt >= :since")
    WindowCount countSince(@Param("code") String code, @Param("since") Instant since);

    long count();
}
