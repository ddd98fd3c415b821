package org.suyuan.qr;

import java.util.Objects;

/**
 * What a label shows for one code: the QR content, and the same code as text for people to read out
 * or type when a camera will not cooperate.
 *
 * @param content what the QR symbol encodes
 * @param text the human-readable code printed beside the symbol (may be empty, at most 40 characters)
 */
public record PrintedCode(QrContent content, String text) {

    static final int MAX_TEXT_LENGTH = 40;

    public PrintedCode {
        Objects.requireNonNull(content, "content");
        if (text == null) {
            throw InvalidLabelException.missing("a code text (may be empty)");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw InvalidLabelException.tooLong("code text", MAX_TEXT_LENGTH);
        }
    }

    /** The trace URL {@code {publicBaseUrl}/t/{code}}, printed as the grouped code (e.g. {@code 0ABC-DEFG-HJKM-NPQRS}). */
    public static PrintedCode forTraceCode(String publicBaseUrl, TraceCode code) {
        return new PrintedCode(QrContent.traceUrl(publicBaseUrl, code), code.grouped());
    }

    /** A GS1 Digital Link URL, printed as its serial, or its lot for a batch-level link. */
    public static PrintedCode forDigitalLink(String publicBaseUrl, DigitalLink link) {
        return new PrintedCode(
                QrContent.digitalLink(publicBaseUrl, link), link.hasSerial() ? link.serial() : link.lot());
    }
}
