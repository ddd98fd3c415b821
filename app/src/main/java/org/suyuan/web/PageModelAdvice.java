package org.suyuan.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs to know (see {@link LayoutModel}). */
@ControllerAdvice(annotations = Controller.class)
class PageModelAdvice {

    @ModelAttribute("signedIn")
    boolean signedIn() {
        return LayoutModel.signedIn();
    }

    /** Whether the navigation to the producer portal is shown. */
    @ModelAttribute("producer")
    boolean producer() {
        return LayoutModel.producer();
    }

    /** This page in English: the language switch in the layout. */
    /** Whether the navigation to the regulator console is shown. */
    @ModelAttribute("regulator")
    boolean regulator() {
        return LayoutModel.regulator();
    }

    /** Whether the administrator's navigation (users, organizations) is shown. */
    @ModelAttribute("administrator")
    boolean administrator() {
        return LayoutModel.administrator();
    }

    @ModelAttribute("englishUrl")
    String englishUrl(HttpServletRequest request) {
        return LayoutModel.inLanguage(request, "en");
    }

    /** This page in Chinese. */
    @ModelAttribute("chineseUrl")
    String chineseUrl(HttpServletRequest request) {
        return LayoutModel.inLanguage(request, "zh");
    }
}
