package org.suyuan.verification;

import java.time.Instant;
import java.util.List;
import java.util.function.LongPredicate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suyuan.db.verification.IntegrityAudit;
import org.suyuan.db.verification.IntegrityAuditRepository;
import org.suyuan.db.verification.IntegrityFinding;
import org.suyuan.db.verification.IntegrityFindingRepository;
import org.suyuan.db.verification.ScanAlert;
import org.suyuan.db.verification.ScanAlertRepository;
import org.suyuan.problem.NotFoundException;

/** The kept integrity audit reports and counterfeit alerts, as administrators and inspectors read them. */
@Service
public class IntegrityReports {

    private final IntegrityAuditRepository audits;
    private final IntegrityFindingRepository findings;
    private final ScanAlertRepository alerts;

    IntegrityReports(IntegrityAuditRepository audits, IntegrityFindingRepository findings, ScanAlertRepository alerts) {
        this.audits = audits;
        this.findings = findings;
        this.alerts = alerts;
    }

    /** An audit run: what was checked and how many findings. */
    public record AuditSummary(
            long id,
            String state,
            Instant startedAt,
            Instant finishedAt,
            String startedBy,
            long batchesChecked,
            long eventsChecked,
            long rootsChecked,
            int findings,
            String error) {

        static AuditSummary of(IntegrityAudit audit) {
            return new AuditSummary(
                    audit.getId(),
                    audit.getState().name(),
                    audit.getStartedAt(),
                    audit.getFinishedAt(),
                    audit.getStartedBy(),
                    audit.getBatchesChecked(),
                    audit.getEventsChecked(),
                    audit.getRootsChecked(),
                    audit.getFindings(),
                    audit.getError());
        }
    }

    /**
     * One finding of a report.
     *
     * @param batchId null for a finding about an anchor as a whole
     * @param anchorSequence the anchor concerned, for findings about roots and leaves
     */
    public record ReportedFinding(
            String kind,
            Long batchId,
            String batchNumber,
            String code,
            Integer sequenceNumber,
            Long anchorSequence,
            String detail) {

        static ReportedFinding of(IntegrityFinding finding) {
            return new ReportedFinding(
                    finding.getKind(),
                    finding.getBatchId(),
                    finding.getBatchNumber(),
                    finding.getCode(),
                    finding.getSequenceNumber(),
                    finding.getAnchorSequence(),
                    finding.getDetail());
        }
    }

    /** A report: its summary and the findings the reader may see. */
    public record Report(AuditSummary audit, List<ReportedFinding> findings) {}

    /** A serial that was scanned like a copied label. */
    public record Alert(
            long id,
            String code,
            long batchId,
            long organizationId,
            Instant raisedAt,
            int scans,
            int networks,
            String reason) {

        static Alert of(ScanAlert alert) {
            return new Alert(
                    alert.getId(),
                    alert.getCode(),
                    alert.getBatchId(),
                    alert.getOrganizationId(),
                    alert.getRaisedAt(),
                    alert.getScans(),
                    alert.getNetworks(),
                    alert.getReason());
        }
    }

    @Transactional(readOnly = true)
    public List<AuditSummary> audits() {
        return audits.findTop50ByOrderByIdDesc().stream().map(AuditSummary::of).toList();
    }

    /**
     * A report with the findings about organizations the reader may see; findings about anchors as a whole
     * (no organization) are shown to everyone who may see reports, since they concern every batch in them.
     *
     * @param visible which organizations' findings to include
     */
    @Transactional(readOnly = true)
    public Report report(long id, LongPredicate visible) {
        IntegrityAudit audit = audits.findById(id).orElseThrow(() -> NotFoundException.integrityAudit(id));
        List<ReportedFinding> shown = findings.findAllByAuditIdOrderById(id).stream()
                .filter(finding -> finding.getOrganizationId() == null || visible.test(finding.getOrganizationId()))
                .map(ReportedFinding::of)
                .toList();
        return new Report(AuditSummary.of(audit), shown);
    }

    /** The latest finished report, if any audit has finished. */
    @Transactional(readOnly = true)
    public java.util.Optional<Report> latest(LongPredicate visible) {
        return audits.findFirstByStateOrderByIdDesc(IntegrityAudit.State.FINISHED)
                .map(audit -> report(audit.getId(), visible));
    }

    /** The newest counterfeit alerts about organizations the reader may see. */
    @Transactional(readOnly = true)
    public List<Alert> alerts(LongPredicate visible) {
        return alerts.findTop200ByOrderByIdDesc().stream()
                .filter(alert -> visible.test(alert.getOrganizationId()))
                .map(Alert::of)
                .toList();
    }
}
