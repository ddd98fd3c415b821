package org.suyuan.code;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.suyuan.account.CurrentUser;
import org.suyuan.qr.CertificateBasis;
import org.suyuan.qr.CertificateFormat;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Codes and labels")
class LabelController {

    private final LabelService labels;

    LabelController(LabelService labels) {
        this.labels = labels;
    }

    @GetMapping(path = "/batches/{id}/labels.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(
            summary = "Label sheet of my batch as PDF",
            description = "layout a4-3x8 (default; a4-{columns}x{rows} up to 5x13), thermal-50x30 or thermal-40x30. "
                    + "Without serials: the batch's trace code, copies times (default one page). With serials=true: "
                    + "its active serials with item numbers from..to (default all; at most 10,000). Each label: QR "
                    + "code, product, batch number, producer, date (last packing, else last harvest, else batch start) "
                    + "and the code in groups. ec M/Q/H; link trace (default) or gs1.")
    ResponseEntity<byte[]> labels(
            CurrentUser user,
            @PathVariable Long id,
            @RequestParam(required = false) String layout,
            @RequestParam(defaultValue = "false") boolean serials,
            @RequestParam(required = false) Integer copies,
            @RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to,
            @Parameter(description = "M, Q or H") @RequestParam(required = false) String ec,
            @Parameter(description = "trace or gs1") @RequestParam(required = false) String link) {
        LabelService.Document pdf = labels.labels(
                user,
                id,
                new LabelService.LabelRequest(
                        QrParameters.layout(layout),
                        serials,
                        copies,
                        from,
                        to,
                        QrParameters.errorCorrection(ec),
                        LinkKind.parse(link)));
        return pdf(pdf);
    }

    @GetMapping(path = "/batches/{id}/certificate.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(
            summary = "承诺达标合格证 of my batch as PDF",
            description = "format a5 (default) or label (70 × 50 mm). basis: quality-control, self-tested, "
                    + "commissioned-test (repeat or comma-separate; default self-tested when a passing inspection is "
                    + "recorded, else quality-control). Quantity from the harvests, origin from the plot's region, "
                    + "issuer and contact from the organization. Refused with 422 /problems/certificate-refused "
                    + "(member rule) for a batch that breaks an archive rule, is recalled, has nothing harvested, "
                    + "failed its latest inspection, or claims a test basis without a passing one.")
    ResponseEntity<byte[]> certificate(
            CurrentUser user,
            @PathVariable Long id,
            @RequestParam(required = false) String format,
            @RequestParam(required = false) List<String> basis,
            @Parameter(description = "M, Q or H") @RequestParam(required = false) String ec) {
        return pdf(labels.certificate(
                user, id, certificateFormat(format), certificateBasis(basis), QrParameters.errorCorrection(ec)));
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

    private static CertificateFormat certificateFormat(String format) {
        if (format == null || format.isBlank()) {
            return CertificateFormat.A5;
        }
        return switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "a5" -> CertificateFormat.A5;
            case "label", "label-70x50" -> CertificateFormat.LABEL_70X50;
            default -> throw InvalidCodeRequestException.certificateFormat(format);
        };
    }

    private static Set<CertificateBasis> certificateBasis(List<String> values) {
        Set<CertificateBasis> basis = EnumSet.noneOf(CertificateBasis.class);
        if (values == null) {
            return basis;
        }
        for (String value : values) {
            if (value == null || value.isBlank()) {
                continue;
            }
            String key = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            try {
                basis.add(CertificateBasis.valueOf(key));
            } catch (IllegalArgumentException e) {
                throw InvalidCodeRequestException.certificateBasis(value);
            }
        }
        return basis;
    }
}
