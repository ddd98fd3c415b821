package org.suyuan.supervision;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.suyuan.account.CurrentUser;
import org.suyuan.web.PageController;

/** The console's integrity page: audit reports and counterfeit alerts of the jurisdiction. */
@PageController
class IntegrityPageController {

    private final IntegrityOversight oversight;

    IntegrityPageController(IntegrityOversight oversight) {
        this.oversight = oversight;
    }

    @GetMapping("/console/integrity")
    String integrity(CurrentUser user, @RequestParam(required = false) Long audit, Model model) {
        model.addAttribute("overview", oversight.overview(user, audit));
        model.addAttribute("administrator", user.isAdministrator());
        return "supervision/integrity";
    }

    @PostMapping("/console/integrity")
    String run(CurrentUser user) {
        return "redirect:/console/integrity?audit=" + oversight.runNow(user).getId();
    }
}
