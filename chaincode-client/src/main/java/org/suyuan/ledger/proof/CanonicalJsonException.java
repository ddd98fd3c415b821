package org.suyuan.ledger.proof;

/** A JSON text that cannot be hashed because it has no canonical form, or is not in it where one is required. */
public final class CanonicalJsonException extends IllegalArgumentException {

    private CanonicalJsonException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The text is not JSON that RFC 8785 can canonicalise (syntax error, duplicate name, NaN, lone surrogate). */
    public static CanonicalJsonException malformed(String problem, Throwable cause) {
        return new CanonicalJsonException("Not canonicalisable JSON: " + problem, cause);
    }

    /** The text is valid JSON but not in canonical form, so its hash could not be reproduced by a verifier. */
    public static CanonicalJsonException notCanonical(String json) {
        return new CanonicalJsonException("JSON is not in RFC 8785 canonical form: " + abbreviate(json), null);
    }

    private static String abbreviate(String json) {
        return json.length() <= 80 ? json : json.substring(0, 77) + "...";
    }
}
