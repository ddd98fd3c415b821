package org.suyuan.code;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.suyuan.archive.Regions;
import org.suyuan.code.CodeResponses.CodeResponse;

/**
 * Where a scanned label leads: {@code /t/{code}} and the GS1 Digital Link paths {@code /01/{gtin}/10/{lot}} and
 * {@code /01/{gtin}/10/{lot}/21/{serial}}, for clients that ask for JSON ({@code Accept: application/json}): the
 * code's JSON, as {@code GET /api/v1/codes/{code}} gives it. Everyone else (browsers, WeChat, a client with no
 * preference) gets the consumer page of the verification feature.
 *
 * <p>A malformed code or link (wrong length, bad check character, wrong GTIN check digit) answers 400: a typo
 * the reader can fix. A well-formed one that Suyuan never issued answers 404.
 */
@RestController
class ResolutionController {

    private final CodeService codes;
    private final TraceLinks links;
    private final Regions regions;

    ResolutionController(CodeService codes, TraceLinks links, Regions regions) {
        this.codes = codes;
        this.links = links;
        this.regions = regions;
    }

    @GetMapping(value = "/t/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
    CodeResponse trace(@PathVariable String code) {
        return CodeResponse.of(codes.view(QrParameters.traceCode(code)), links, regions);
    }

    /**
     * The path is read as it arrived, still percent-encoded, because Digital Link values are percent-encoded
     * and a decoded {@code %2F} would split a segment.
     */
    @GetMapping(value = "/01/**", produces = MediaType.APPLICATION_JSON_VALUE)
    CodeResponse digitalLink(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return CodeResponse.of(codes.resolve(QrParameters.digitalLink(path)), links, regions);
    }
}
