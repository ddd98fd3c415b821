package org.suyuan.verification;

import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.suyuan.account.CurrentUser;

/**
 * The integrity audit for administrators: run one now (it also runs nightly) and read the kept reports.
 * Inspectors read the reports of their jurisdiction on the console.
 */
@RestController
@RequestMapping("/api/v1/admin/integrity-audits")
@PreAuthorize("hasRole('ADMIN')")
class IntegrityAuditController {

    private final IntegrityAuditor auditor;
    private final IntegrityReports reports;

    IntegrityAuditController(IntegrityAuditor auditor, IntegrityReports reports) {
        this.auditor = auditor;
        this.reports = reports;
    }

    /** Runs an audit now and answers with its whole report (201). */
    @PostMapping
    ResponseEntity<IntegrityReports.Report> run(CurrentUser user) {
        long id = auditor.run(user.username()).getId();
        return ResponseEntity.created(URI.create("/api/v1/admin/integrity-audits/" + id))
                .body(reports.report(id, organization -> true));
    }

    @GetMapping
    List<IntegrityReports.AuditSummary> audits() {
        return reports.audits();
    }

    @GetMapping("/{id}")
    IntegrityReports.Report report(@PathVariable long id) {
        return reports.report(id, organization -> true);
    }
}
