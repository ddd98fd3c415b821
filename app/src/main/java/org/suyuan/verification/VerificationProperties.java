package org.suyuan.verification;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code suyuan.verification.*}: when a serial's scans look like a copied label, when the integrity audit runs, and
 * how the scan log is written.
 *
 * @param suspiciousWindow how far back scans of a serial are counted
 * @param suspiciousScans more scans of one serial than this in the window make it SUSPICIOUS (one item is looked
 *     at a few times: in the market, at home, by the family)
 * @param suspiciousNetworks scans from more distinct networks than this in the window make it SUSPICIOUS (one item
 *     is in one place at a time)
 * @param auditCron when the scheduled integrity audit runs (Spring cron; "-" turns it off)
 * @param scanLogCapacity how many scans may wait to be written; past it a scan is written on the request thread
 * @param scanLogFlushInterval how often queued scans are written
 * @param scanLogBatchSize at most this many scans per insert transaction
 */
@Validated
@ConfigurationProperties("suyuan.verification")
public record VerificationProperties(
        @DefaultValue("24h") Duration suspiciousWindow,
        @DefaultValue("20") @Min(1) int suspiciousScans,
        @DefaultValue("5") @Min(1) int suspiciousNetworks,
        @DefaultValue("0 30 3 * * *") String auditCron,
        @DefaultValue("10000") @Min(1) int scanLogCapacity,
        @DefaultValue("200ms") Duration scanLogFlushInterval,
        @DefaultValue("1000") @Min(1) int scanLogBatchSize) {}
