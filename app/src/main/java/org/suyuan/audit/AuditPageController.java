package org.suyuan.audit;

import java.time.format.DateTimeFormatter;
import org.springframework.data.domain.Page;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.suyuan.SuyuanProperties;
import org.suyuan.account.CurrentUser;
import org.suyuan.web.PageController;

/** The audit log as a page of the console, for administrators and regulators (see {@link AuditLog#entries}). */
@PageController
class AuditPageController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AuditLog log;
    private final SuyuanProperties properties;

    AuditPageController(AuditLog log, SuyuanProperties properties) {
        this.log = log;
        this.properties = properties;
    }

    /** An entry with its time as a person in the service's zone reads it. */
    record Row(AuditLog.Entry entry, String time) {}

    @GetMapping("/console/audit")
    String entries(CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
        Page<AuditLog.Entry> entries = log.entries(user, page, 50);
        model.addAttribute(
                "rows",
                entries.map(
                        entry -> new Row(entry, TIME.format(entry.occurredAt().atZone(properties.timeZone())))));
        model.addAttribute("entries", entries);
        model.addAttribute("zone", properties.timeZone().getId());
        model.addAttribute("administrator", user.isAdministrator());
        return "audit/log";
    }
}
