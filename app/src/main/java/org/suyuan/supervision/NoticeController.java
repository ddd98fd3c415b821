package org.suyuan.supervision;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.suyuan.account.CurrentUser;
import org.suyuan.db.supervision.Notice;
import org.suyuan.db.supervision.NoticeRepository;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Notices", description = "监管通知：抽检不合格、召回")
class NoticeController {

    private final NoticeRepository notices;

    NoticeController(NoticeRepository notices) {
        this.notices = notices;
    }

    @GetMapping("/notices")
    @Operation(summary = "What the bureau told my organization (failed spot checks, recalls), newest first")
    @Transactional(readOnly = true)
    List<Notice> notices(CurrentUser user) {
        return notices.findAllByOrganizationIdOrderByIdDesc(user.requireOrganization());
    }
}
