package org.suyuan.portal;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.suyuan.account.CurrentUser;
import org.suyuan.code.CodeService;
import org.suyuan.code.LabelService;
import org.suyuan.problem.InvalidInputException;
import org.suyuan.problem.ProblemException;
import org.suyuan.qr.CertificateFormat;
import org.suyuan.qr.LabelLayout;
import org.suyuan.web.PageController;

/**
 * Serials, label sheets and the 承诺达标合格证 from the batch page, with the session login.
 *
 * <p>These are page routes calling the code feature's services rather than links to its API: the API stays
 * stateless (Basic or bearer, no cookies, so no CSRF surface), and a refusal here (more serials than the harvest
 * allows, a certificate the archive cannot back) comes back as a page in the farmer's language instead of
 * problem+json. The label PDFs are the very documents the API serves.
 */
@PageController
class CodePageController {

    private final CodeService codes;
    private final LabelService labels;
    private final BatchPage batchPage;
    private final PortalMessages messages;

    CodePageController(CodeService codes, LabelService labels, BatchPage batchPage, PortalMessages messages) {
        this.codes = codes;
        this.labels = labels;
        this.batchPage = batchPage;
        this.messages = messages;
    }

    @PostMapping("/portal/batches/{id}/serials")
    String issueSerials(
            CurrentUser user,
            @PathVariable Long id,
            @RequestParam(required = false) String count,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        user.requireOrganization();
        int requested;
        try {
            requested = Integer.parseInt(count == null ? "" : count.strip());
        } catch (NumberFormatException e) {
            requested = 0;
        }
        if (requested < 1 || requested > CodeService.MAX_SERIALS_PER_REQUEST) {
            return failed(
                    user,
                    id,
                    model,
                    response,
                    400,
                    messages.get("codes.serials.count", CodeService.MAX_SERIALS_PER_REQUEST),
                    count);
        }
        try {
            CodeService.SerialsIssued issued = codes.issueSerials(user, id, requested);
            redirect.addFlashAttribute(
                    "saved", messages.get("codes.serials.issued", requested, issued.serialsIssued()));
            return "redirect:/portal/batches/" + id + "#codes";
        } catch (ProblemException refused) {
            return failed(user, id, model, response, refused.status().value(), refused.detail(), count);
        }
    }

    @GetMapping("/portal/batches/{id}/labels.pdf")
    ResponseEntity<byte[]> labels(
            CurrentUser user,
            @PathVariable Long id,
            @RequestParam(defaultValue = "a4-3x8") String layout,
            @RequestParam(defaultValue = "false") boolean serials) {
        if (!BatchPage.LAYOUTS.contains(layout)) {
            throw InvalidInputException.eventDetails("layout", messages.get("codes.layout.unknown", layout));
        }
        return pdf(labels.labelSheet(user, id, LabelLayout.named(layout), serials));
    }

    @GetMapping("/portal/batches/{id}/certificate.pdf")
    ResponseEntity<byte[]> certificate(
            CurrentUser user, @PathVariable Long id, @RequestParam(defaultValue = "a5") String format) {
        CertificateFormat chosen = switch (format.toLowerCase(Locale.ROOT)) {
            case "a5" -> CertificateFormat.A5;
            case "label" -> CertificateFormat.LABEL_70X50;
            default -> throw InvalidInputException.eventDetails("format", messages.get("codes.format.unknown", format));
        };
        return pdf(labels.certificate(user, id, chosen));
    }

    private String failed(
            CurrentUser user,
            Long id,
            Model model,
            HttpServletResponse response,
            int status,
            String message,
            String count) {
        response.setStatus(status);
        model.addAttribute("codesError", message);
        model.addAttribute("serialCount", count);
        return batchPage.show(user, id, model);
    }

    private static ResponseEntity<byte[]> pdf(LabelService.Document document) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(document.filename(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(document.content());
    }
}
