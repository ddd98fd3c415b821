package org.suyuan.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** How an export's selection reads in the audit log. */
final class ExportAudit {

    private ExportAudit() {}

    static String filters(Long organizationId, Long batchId, LocalDate from, LocalDate to) {
        List<String> parts = new ArrayList<>();
        if (organizationId != null) {
            parts.add("主体编号 " + organizationId);
        }
        if (batchId != null) {
            parts.add("批次编号 " + batchId + " 及其上下游");
        }
        if (from != null || to != null) {
            parts.add("日期 " + (from == null ? "…" : from) + " 至 " + (to == null ? "…" : to));
        }
        return parts.isEmpty() ? "全部" : String.join("，", parts);
    }
}
