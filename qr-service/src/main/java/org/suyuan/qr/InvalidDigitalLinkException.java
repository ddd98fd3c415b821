package org.suyuan.qr;

/**
 * A path that is not one of the GS1 Digital Link forms Suyuan answers, or a lot or serial that
 * cannot be written in one. A resolver answers 400 for these (GS1 Conformant Resolver standard).
 */
public final class InvalidDigitalLinkException extends IllegalArgumentException {

    private InvalidDigitalLinkException(String message, Throwable cause) {
        super(message, cause);
    }

    public static InvalidDigitalLinkException malformedPath(String path) {
        return new InvalidDigitalLinkException(
                "Not a GS1 Digital Link path of the form /01/{gtin}/10/{lot}[/21/{serial}]: '"
                        + InvalidTraceCodeException.printable(String.valueOf(path)) + "'",
                null);
    }

    public static InvalidDigitalLinkException invalidGtin(String path, InvalidGtinException cause) {
        return new InvalidDigitalLinkException(
                "Invalid GTIN in Digital Link '" + InvalidTraceCodeException.printable(path) + "': "
                        + cause.getMessage(),
                cause);
    }

    public static InvalidDigitalLinkException badPercentEncoding(String segment) {
        return new InvalidDigitalLinkException(
                "Bad percent-encoding in '" + InvalidTraceCodeException.printable(segment) + "'", null);
    }

    /** A lot or serial outside GS1's rule for AI 10 and 21: 1 to 20 characters of the 82-character set. */
    public static InvalidDigitalLinkException invalidValue(String applicationIdentifier, String value) {
        return new InvalidDigitalLinkException(
                "AI " + applicationIdentifier + " takes 1 to 20 characters of the GS1 82-character set "
                        + "(letters, digits and !\"%&'()*+,-./:;<=>?_), got: '"
                        + InvalidTraceCodeException.printable(String.valueOf(value)) + "'",
                null);
    }
}
