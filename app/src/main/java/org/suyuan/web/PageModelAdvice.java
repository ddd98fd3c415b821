package org.suyuan.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.suyuan.ledger.Ledger;

/** What every page's layout needs to know (see {@link LayoutModel}). */
@ControllerAdvice(annotations = Controller.class)
class PageModelAdvice {

    private final ObjectProvider<Ledger> ledger;

    PageModelAdvice(ObjectProvider<Ledger> ledger) {
        this.ledger = ledger;
    }

    /**
     * The ledger that runs ({@code embedded} or {@code fabric}): pages say which one holds the record hashes, and
     * promise verification without trusting Suyuan only when it is Fabric.
     */
    @ModelAttribute("ledgerKind")
    String ledgerKind() {
        Ledger running = ledger.getIfAvailable();
        return running == null ? null : running.kind();
    }

    @ModelAttribute("signedIn")
    boolean signedIn() {
        return LayoutModel.signedIn();
    }

    /** Whether the navigation to the producer portal is shown. */
    @ModelAttribute("producer")
    boolean producer() {
        return LayoutModel.producer();
    }

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

    /** Whether the inspection station's navigation (its rapid-test form) is shown. */
    @ModelAttribute("station")
    boolean station() {
        return LayoutModel.hasRole("ROLE_STATION");
    }

    /** This page in English: the language switch in the layout. */
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
