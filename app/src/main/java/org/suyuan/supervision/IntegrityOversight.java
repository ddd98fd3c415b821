package org.suyuan.supervision;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import org.springframework.stereotype.Service;
import org.suyuan.account.CurrentUser;
import org.suyuan.db.verification.IntegrityAudit;
import org.suyuan.verification.IntegrityAuditor;
import org.suyuan.verification.IntegrityReports;

/**
 * The integrity audit and the counterfeit alerts as inspectors see them: only findings and alerts about producers
 * of their jurisdiction (findings about an anchor as a whole concern everyone and are shown to all).
 */
@Service
public class IntegrityOversight {

    private final IntegrityReports reports;
    private final IntegrityAuditor auditor;
    private final SupervisionQueries queries;

    IntegrityOversight(IntegrityReports reports, IntegrityAuditor auditor, SupervisionQueries queries) {
        this.reports = reports;
        this.auditor = auditor;
        this.queries = queries;
    }

    /**
     * What the console's integrity page shows.
     *
     * @param report the chosen report (the latest finished one by default), or null before any audit finished
     * @param batchNumbers the batch numbers of the alerts' batches, by batch id: what inspectors know batches by
     */
    public record Overview(
            List<IntegrityReports.AuditSummary> audits,
            IntegrityReports.Report report,
            List<IntegrityReports.Alert> alerts,
            Map<Long, String> batchNumbers) {}

    public Overview overview(CurrentUser regulator, Long auditId) {
        LongPredicate visible = visibleTo(Jurisdiction.of(regulator));
        IntegrityReports.Report report =
                auditId == null ? reports.latest(visible).orElse(null) : reports.report(auditId, visible);
        List<IntegrityReports.Alert> alerts = reports.alerts(visible);
        Map<Long, String> batchNumbers = new HashMap<>();
        queries.anyBatches(alerts.stream().map(IntegrityReports.Alert::batchId).toList())
                .forEach((id, batch) -> batchNumbers.put(id, batch.batchNumber()));
        return new Overview(reports.audits(), report, alerts, batchNumbers);
    }

    /** Runs an audit now; administrators only (it reads every record in the province). */
    public IntegrityAudit runNow(CurrentUser administrator) {
        if (!administrator.isAdministrator()) {
            throw new org.springframework.security.access.AccessDeniedException("只有系统管理员可以立即运行完整性审计。");
        }
        return auditor.run(administrator.username());
    }

    private LongPredicate visibleTo(Jurisdiction jurisdiction) {
        Map<Long, Boolean> known = new HashMap<>();
        return organization -> known.computeIfAbsent(organization, id -> queries.organizationIn(jurisdiction, id));
    }
}
