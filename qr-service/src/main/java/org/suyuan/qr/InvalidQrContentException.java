package org.suyuan.qr;

/** Text that Suyuan will not put in a QR symbol, or a public base URL it cannot build links on. */
public final class InvalidQrContentException extends IllegalArgumentException {

    private InvalidQrContentException(String message, Throwable cause) {
        super(message, cause);
    }

    public static InvalidQrContentException empty() {
        return new InvalidQrContentException("QR content must not be empty", null);
    }

    public static InvalidQrContentException tooLong(int length) {
        return new InvalidQrContentException(
                "QR content has " + length + " characters; labels take at most " + QrContent.MAX_LENGTH, null);
    }

    public static InvalidQrContentException doesNotFit(int length, ErrorCorrection errorCorrection, Throwable cause) {
        return new InvalidQrContentException(
                "QR content of " + length + " characters does not fit a QR symbol at error correction "
                        + errorCorrection,
                cause);
    }

    public static InvalidQrContentException badBaseUrl(String baseUrl, String reason) {
        return new InvalidQrContentException(
                "The public base URL must be an absolute http(s) URL without query or fragment (" + reason + "): '"
                        + InvalidTraceCodeException.printable(String.valueOf(baseUrl)) + "'",
                null);
    }
}
