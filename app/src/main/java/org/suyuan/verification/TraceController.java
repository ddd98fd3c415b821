package org.suyuan.verification;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The consumer page's content as JSON, and the proof bundle anyone can check offline. Public, like the labels
 * that lead here. An unknown code answers 404 problem+json (type {@code unknown-code}): possibly a counterfeit.
 */
@RestController
class TraceController {

    private final VerificationService verification;

    TraceController(VerificationService verification) {
        this.verification = verification;
    }

    @GetMapping("/api/v1/trace/{code}")
    Trace trace(@PathVariable String code, HttpServletRequest request, Locale locale) {
        return verification.scan(code, request.getRemoteAddr(), locale);
    }

    /** The bundle in its published format ({@code suyuan-proof-bundle/1}), as the offline verifier reads it. */
    @GetMapping(value = "/api/v1/trace/{code}/proof", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> proof(@PathVariable String code) {
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"" + code + "-proof.json\"")
                .body(verification.proof(code).toJson());
    }
}
