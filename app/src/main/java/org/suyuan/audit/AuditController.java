package org.suyuan.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.suyuan.account.CurrentUser;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Audit log", description = "审计日志：登录、账号、令牌、导出、召回（管理员全部；监管人员本辖区的召回与导出）")
class AuditController {

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    @GetMapping("/audit-log")
    @Operation(
            summary = "The audit log, newest first",
            description = "Administrators read every entry; regulators the recalls and exports of their jurisdiction. "
                    + "The network is a keyed pseudonym of the client's /24 or /48, never its address.")
    PagedModel<AuditLog.Entry> entries(
            CurrentUser user, @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return new PagedModel<>(log.entries(user, page, size));
    }
}
