package org.suyuan.verification;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;
import org.suyuan.SuyuanProperties;
import org.suyuan.code.InvalidCodeRequestException;
import org.suyuan.code.LabelService;
import org.suyuan.code.UnknownCodeException;
import org.suyuan.web.PageController;

/**
 * The page a consumer sees after scanning a label, in WeChat or any phone browser: server-rendered, no script, no
 * font or stylesheet from elsewhere, small enough for a weak mobile connection. A code Suyuan never issued gets a
 * 404 page that warns of a possible counterfeit.
 */
@PageController
class ConsumerPageController {

    private final VerificationService verification;
    private final ZoneId zone;

    /** @param properties whose time zone the page's times are shown in (consumers read local time, not UTC) */
    ConsumerPageController(VerificationService verification, SuyuanProperties properties) {
        this.verification = verification;
        this.zone = properties.timeZone();
    }

    @GetMapping("/t/{code}")
    String trace(
            @PathVariable String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        try {
            return page(verification.scan(code, request.getRemoteAddr(), locale), response, model);
        } catch (UnknownCodeException unknown) {
            return unknown(code, response, model);
        } catch (InvalidCodeRequestException mistyped) {
            return mistyped(code, mistyped, response, model);
        }
    }

    /**
     * The box to type a code into (what the label prints under the QR code), and where it goes: a plain GET form, so
     * it works without JavaScript in any phone browser. Spaces are what people type between the printed groups.
     */
    @GetMapping("/t")
    ModelAndView lookup(@RequestParam(required = false) String code, HttpServletResponse response) {
        String typed = code == null ? "" : code.replaceAll("\\s+", "");
        if (typed.isEmpty()) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            return new ModelAndView("consumer/lookup", Map.of("typed", ""));
        }
        RedirectView scan = new RedirectView(
                UriComponentsBuilder.fromPath("/t/{code}")
                        .buildAndExpand(typed)
                        .encode()
                        .toUriString(),
                true);
        // The code is the reader's input: never read it as a URI template.
        scan.setExpandUriTemplateVariables(false);
        scan.setStatusCode(HttpStatus.SEE_OTHER);
        return new ModelAndView(scan);
    }

    /** The GS1 Digital Link paths of the same codes; read still percent-encoded (see the code feature). */
    @GetMapping("/01/**")
    String digitalLink(HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        try {
            return page(verification.scanDigitalLink(path, request.getRemoteAddr(), locale), response, model);
        } catch (UnknownCodeException unknown) {
            return unknown(path, response, model);
        } catch (InvalidCodeRequestException mistyped) {
            return mistyped("", mistyped, response, model);
        }
    }

    @GetMapping("/t/{code}/certificate.pdf")
    ResponseEntity<byte[]> certificate(@PathVariable String code) {
        LabelService.Document document = verification.certificate(code);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(document.filename())
                                .build()
                                .toString())
                .body(document.content());
    }

    @GetMapping("/t/{code}/photos/{attachmentId}")
    ResponseEntity<byte[]> photo(@PathVariable String code, @PathVariable long attachmentId) {
        VerificationService.Photo photo = verification.photo(code, attachmentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(30)).cachePublic())
                .body(photo.content());
    }

    private String page(Trace trace, HttpServletResponse response, Model model) {
        // Every scan is verified afresh and counted: never served from a cache.
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("trace", trace);
        model.addAttribute("zone", zone);
        return "consumer/trace";
    }

    /** A code that cannot be one (a typo the check character caught): say so, and offer the box to type it again. */
    private static String mistyped(
            String code, InvalidCodeRequestException mistyped, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("typed", code);
        model.addAttribute("problem", mistyped.detail());
        return "consumer/lookup";
    }

    private static String unknown(String code, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("code", code);
        return "consumer/unknown";
    }
}
