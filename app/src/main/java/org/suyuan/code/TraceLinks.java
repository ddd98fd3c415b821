package org.suyuan.code;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.suyuan.SuyuanProperties;
import org.suyuan.qr.DigitalLink;
import org.suyuan.qr.Gtin;
import org.suyuan.qr.InvalidDigitalLinkException;
import org.suyuan.qr.PrintedCode;
import org.suyuan.qr.QrContent;
import org.suyuan.qr.TraceCode;

/**
 * The URLs a code is reached by, all on {@code suyuan.public-base-url}: the trace URL {@code {base}/t/{code}}
 * and, for a product with a GTIN, the GS1 Digital Link. The base URL is checked when the application starts, so
 * a misconfigured one stops it rather than failing the first label.
 */
@Component
class TraceLinks {

    private final String baseUrl;

    TraceLinks(SuyuanProperties properties) {
        String configured = properties.publicBaseUrl().toString();
        TraceCode probe = TraceCode.parse("00000000000000000");
        String url = QrContent.traceUrl(configured, probe).text();
        this.baseUrl = url.substring(0, url.length() - ("/t/" + probe.value()).length());
    }

    /** The public base URL without a trailing slash. */
    String baseUrl() {
        return baseUrl;
    }

    String traceUrl(String code) {
        return baseUrl + "/t/" + code;
    }

    /** The code's Digital Link, if its product has a GTIN: item level for a serial, batch level for a batch code. */
    Optional<DigitalLink> digitalLink(CodeView view) {
        if (view.product().getGtin() == null) {
            return Optional.empty();
        }
        try {
            Gtin gtin = Gtin.parse(view.product().getGtin());
            String lot = view.batch().getBatchNumber();
            return Optional.of(
                    view.isBatchCode()
                            ? DigitalLink.forBatch(gtin, lot)
                            : DigitalLink.forItem(gtin, lot, view.code().getCode()));
        } catch (IllegalArgumentException e) {
            // Batch numbers fit AI 10 since BatchNumber restricts them; older rows that do not just get no link.
            return Optional.empty();
        }
    }

    Optional<String> digitalLinkUrl(CodeView view) {
        return digitalLink(view).map(link -> baseUrl + link.path());
    }

    /**
     * What a label prints for the code: the trace URL, or with {@link LinkKind#GS1} the Digital Link; either way
     * the grouped code as the human-readable text, so it can be typed when a camera fails.
     */
    PrintedCode printed(CodeView view, LinkKind kind) {
        TraceCode code = TraceCode.parse(view.code().getCode());
        if (kind == LinkKind.TRACE) {
            return PrintedCode.forTraceCode(baseUrl, code);
        }
        DigitalLink link = digitalLink(view)
                .orElseThrow(
                        () -> InvalidCodeRequestException.noGtin(view.product().getName()));
        return new PrintedCode(QrContent.digitalLink(baseUrl, link), code.grouped());
    }

    /** How decoded text relates to this service: one of our trace URLs or Digital Links, a bare code, or neither. */
    Recognised recognise(String text) {
        String stripped = text.strip();
        String withoutQuery = stripped.split("[?#]", 2)[0];
        if (withoutQuery.startsWith(baseUrl + "/t/")) {
            return TraceCode.fromTraceUrl(withoutQuery)
                    .map(code -> new Recognised(Recognised.Kind.TRACE_URL, code, null))
                    .orElse(Recognised.OTHER);
        }
        if (withoutQuery.startsWith(baseUrl + "/01/")) {
            try {
                DigitalLink link = DigitalLink.parsePath(withoutQuery.substring(baseUrl.length()));
                return new Recognised(Recognised.Kind.DIGITAL_LINK, null, link);
            } catch (InvalidDigitalLinkException e) {
                return Recognised.OTHER;
            }
        }
        try {
            return new Recognised(Recognised.Kind.TRACE_CODE, TraceCode.parse(stripped), null);
        } catch (IllegalArgumentException e) {
            return Recognised.OTHER;
        }
    }

    /** Decoded text, as far as it names one of our codes. */
    record Recognised(Kind kind, TraceCode code, DigitalLink link) {

        static final Recognised OTHER = new Recognised(Kind.OTHER, null, null);

        enum Kind {
            TRACE_URL,
            DIGITAL_LINK,
            TRACE_CODE,
            OTHER
        }
    }
}
