package org.suyuan.code;

import java.util.Locale;
import org.suyuan.qr.DigitalLink;
import org.suyuan.qr.ErrorCorrection;
import org.suyuan.qr.InvalidDigitalLinkException;
import org.suyuan.qr.InvalidLabelLayoutException;
import org.suyuan.qr.InvalidTraceCodeException;
import org.suyuan.qr.LabelLayout;
import org.suyuan.qr.TraceCode;

/**
 * Request parameters read with the qr-service's parsers, their refusals turned into 400 problems: the one place
 * where this feature translates qr-service input exceptions.
 */
final class QrParameters {

    private QrParameters() {}

    static TraceCode traceCode(String input) {
        try {
            return TraceCode.parse(input);
        } catch (InvalidTraceCodeException e) {
            throw InvalidCodeRequestException.traceCode(input);
        }
    }

    /** A Digital Link path as it arrived, still percent-encoded. */
    static DigitalLink digitalLink(String path) {
        try {
            return DigitalLink.parsePath(path);
        } catch (InvalidDigitalLinkException e) {
            throw InvalidCodeRequestException.digitalLink(path);
        }
    }

    /** {@code M} (the default when absent), {@code Q} or {@code H}; level L is too weak for labels. */
    static ErrorCorrection errorCorrection(String input) {
        if (input == null || input.isBlank()) {
            return ErrorCorrection.DEFAULT;
        }
        try {
            return ErrorCorrection.valueOf(input.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidCodeRequestException.errorCorrection(input);
        }
    }

    /** {@code a4-3x8} (the default when absent), {@code a4-{columns}x{rows}}, {@code thermal-50x30}, {@code thermal-40x30}. */
    static LabelLayout layout(String input) {
        if (input == null || input.isBlank()) {
            return LabelLayout.A4_3X8;
        }
        try {
            return LabelLayout.named(input);
        } catch (InvalidLabelLayoutException e) {
            throw InvalidCodeRequestException.labelLayout(input);
        }
    }
}
