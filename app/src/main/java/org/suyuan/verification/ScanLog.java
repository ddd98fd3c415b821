package org.suyuan.verification;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.suyuan.archive.PersonalDataProtection;
import org.suyuan.db.code.CodeKind;
import org.suyuan.db.code.IssuedCode;
import org.suyuan.db.verification.Scan;
import org.suyuan.db.verification.ScanAlert;
import org.suyuan.db.verification.ScanAlertRepository;
import org.suyuan.db.verification.ScanRepository;
import org.suyuan.web.ClientNetworks;

/**
 * Records scans and tells a copied label from an item. Only a keyed pseudonym of the client's coarse network is
 * stored (个人信息保护法: the address itself is never written); it is enough to count "how many places".
 */
@Component
class ScanLog {

    private final ScanRepository scans;
    private final ScanAlertRepository alerts;
    private final PersonalDataProtection protection;
    private final VerificationProperties properties;
    private final Clock clock;

    ScanLog(
            ScanRepository scans,
            ScanAlertRepository alerts,
            PersonalDataProtection protection,
            VerificationProperties properties,
            Clock clock) {
        this.scans = scans;
        this.alerts = alerts;
        this.protection = protection;
        this.properties = properties;
        this.clock = clock;
    }

    /** What the log says about a code after this scan. */
    record Logged(Trace.Scans scans, Trace.Suspicious suspicious) {}

    /**
     * Logs one scan of a code and judges it. Only per-item serials can be SUSPICIOUS: a batch code is printed
     * on every box of the batch and is rightly scanned everywhere. The first scan over a threshold in a window
     * raises an alert for inspectors.
     *
     * @param clientAddress the client's IP address as the servlet container settled it (the socket's peer, or the
     *     client a trusted proxy named)
     */
    @Transactional
    Logged log(IssuedCode code, String clientAddress) {
        Instant now = clock.instant();
        scans.save(new Scan(
                code.getCode(), code.getBatchId(), now, protection.networkPseudonym(ClientNetworks.of(clientAddress))));
        ScanRepository.ScanSummary summary = scans.summarize(code.getCode());
        Trace.Scans counted = new Trace.Scans(summary.getScans(), summary.getFirstScannedAt());
        if (code.getKind() != CodeKind.ITEM) {
            return new Logged(counted, null);
        }
        Instant windowStart = now.minus(properties.suspiciousWindow());
        ScanRepository.WindowCount window = scans.countSince(code.getCode(), windowStart);
        boolean tooMany = window.getScans() > properties.suspiciousScans();
        boolean tooSpread = window.getNetworks() > properties.suspiciousNetworks();
        if (!tooMany && !tooSpread) {
            return new Logged(counted, null);
        }
        if (!alerts.existsByCodeAndRaisedAtGreaterThanEqual(code.getCode(), windowStart)) {
            alerts.save(new ScanAlert(
                    code.getCode(),
                    code.getBatchId(),
                    code.getOrganizationId(),
                    now,
                    windowStart,
                    (int) window.getScans(),
                    (int) window.getNetworks(),
                    reason(window, tooMany)));
        }
        return new Logged(
                counted,
                new Trace.Suspicious(
                        window.getScans(),
                        window.getNetworks(),
                        properties.suspiciousWindow().toString()));
    }

    private String reason(ScanRepository.WindowCount window, boolean tooMany) {
        String span = properties.suspiciousWindow().toHours() + " 小时内";
        return tooMany
                ? span + "被扫描 " + window.getScans() + " 次（上限 " + properties.suspiciousScans() + " 次）：标签可能被复制。"
                : span + "在 " + window.getNetworks() + " 个不同网络被扫描（上限 " + properties.suspiciousNetworks()
                        + " 个）：标签可能被复制。";
    }
}
