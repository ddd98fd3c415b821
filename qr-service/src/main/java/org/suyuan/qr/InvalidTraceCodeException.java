package org.suyuan.qr;

/** A string that is not a trace code: caught before any database lookup, so a typo never costs a query. */
public final class InvalidTraceCodeException extends IllegalArgumentException {

    private InvalidTraceCodeException(String message) {
        super(message);
    }

    public static InvalidTraceCodeException missing() {
        return new InvalidTraceCodeException("A trace code is required");
    }

    public static InvalidTraceCodeException wrongLength(String input, int length) {
        return new InvalidTraceCodeException("A trace code has " + TraceCode.LENGTH
                + " characters (hyphens aside), got " + length + ": '" + printable(input) + "'");
    }

    public static InvalidTraceCodeException invalidCharacter(String input, int codePoint, int position) {
        return new InvalidTraceCodeException("'" + printable(new String(Character.toChars(codePoint)))
                + "' at position " + (position + 1) + " is not a trace code character: '" + printable(input) + "'");
    }

    public static InvalidTraceCodeException checkCharacterMismatch(String input) {
        return new InvalidTraceCodeException(
                "The check character does not match, the code was probably mistyped: '" + printable(input) + "'");
    }

    /** Keeps messages short and free of control characters, since they may end up in logs and responses. */
    static String printable(String input) {
        String shortened = input.length() > 40 ? input.substring(0, 40) + "…" : input;
        return shortened.replaceAll("\\p{Cntrl}", "?");
    }
}
