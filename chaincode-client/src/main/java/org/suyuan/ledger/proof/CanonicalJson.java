package org.suyuan.ledger.proof;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): the one serialisation Suyuan hashes.
 *
 * <p>Two JSON texts that mean the same thing (member order, whitespace, escapes, number spelling) have the
 * same canonical form, so a record hashed by the service can be re-hashed by anyone who holds its JSON,
 * whatever library they parse it with. Canonicalisation is done by {@code
 * io.github.erdtman:java-json-canonicalization}, which passes the published JCS test vectors.
 *
 * <p>What the canonical form cannot protect, the caller must avoid:
 *
 * <ul>
 *   <li>numbers are IEEE-754 doubles, so integers beyond 2<sup>53</sup> and decimals lose digits; carry
 *       quantities and identifiers as strings or small integers;
 *   <li>the top level must be an object or an array (events and anchors are objects).
 * </ul>
 *
 * <p>Duplicate member names, NaN or infinite numbers and unpaired surrogates are rejected rather than
 * silently normalised, because two different inputs must never share a canonical form.
 */
public final class CanonicalJson {

    private CanonicalJson() {}

    /**
     * The canonical form of a JSON text.
     *
     * @throws CanonicalJsonException if the text is not JSON that has a canonical form
     */
    public static String canonicalize(String json) {
        if (json == null) {
            throw CanonicalJsonException.malformed("null instead of a JSON text", null);
        }
        String canonical;
        try {
            canonical = new JsonCanonicalizer(json).getEncodedString();
        } catch (IOException | RuntimeException e) {
            throw CanonicalJsonException.malformed(e.getMessage(), e);
        }
        // The library replaces an unpaired surrogate with '?' when it encodes; refuse it instead.
        encodeStrictly(canonical);
        return canonical;
    }

    /**
     * The canonical form of a JSON text as the UTF-8 bytes that are hashed.
     *
     * @throws CanonicalJsonException if the text is not JSON that has a canonical form
     */
    public static byte[] canonicalUtf8(String json) {
        return encodeStrictly(canonicalize(json));
    }

    /** Whether the text is already exactly its own canonical form, as a stored hashed record must be. */
    public static boolean isCanonical(String json) {
        try {
            return canonicalize(json).equals(json);
        } catch (CanonicalJsonException e) {
            return false;
        }
    }

    /**
     * The UTF-8 bytes of a text that must already be canonical, for hashing without a second pass.
     *
     * @throws CanonicalJsonException if the text is not in canonical form
     */
    static byte[] requireCanonicalUtf8(String canonicalJson) {
        if (!isCanonical(canonicalJson)) {
            throw CanonicalJsonException.notCanonical(String.valueOf(canonicalJson));
        }
        return encodeStrictly(canonicalJson);
    }

    private static byte[] encodeStrictly(String text) {
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8
                    .newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            return Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
        } catch (CharacterCodingException e) {
            throw CanonicalJsonException.malformed("a string holds an unpaired UTF-16 surrogate", e);
        }
    }
}
