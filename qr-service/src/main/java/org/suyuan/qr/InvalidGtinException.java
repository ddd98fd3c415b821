package org.suyuan.qr;

/** A string that is not a GTIN (wrong length, not digits, or a check digit that does not match). */
public final class InvalidGtinException extends IllegalArgumentException {

    private InvalidGtinException(String message) {
        super(message);
    }

    public static InvalidGtinException missing() {
        return new InvalidGtinException("A GTIN is required");
    }

    public static InvalidGtinException wrongLength(String input) {
        return new InvalidGtinException(
                "A GTIN has 8, 12, 13 or 14 digits: '" + InvalidTraceCodeException.printable(input) + "'");
    }

    public static InvalidGtinException notDigits(String input) {
        return new InvalidGtinException(
                "A GTIN is made of digits only: '" + InvalidTraceCodeException.printable(input) + "'");
    }

    public static InvalidGtinException wrongCheckDigit(String input, int expected) {
        return new InvalidGtinException("The check digit of GTIN '" + InvalidTraceCodeException.printable(input)
                + "' should be " + expected + ": the number was probably mistyped");
    }
}
