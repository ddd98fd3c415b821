package org.suyuan.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 digest, the one hash type of Suyuan: event hashes, Merkle leaves and nodes, anchored roots.
 *
 * <p>Held as 64 lower-case hex characters so that it compares, prints and serialises the same way
 * everywhere (database columns, JSON, chaincode arguments).
 *
 * @param hex the digest as 64 lower-case hexadecimal characters
 */
public record RecordHash(String hex) {

    private static final HexFormat HEX = HexFormat.of();

    public RecordHash {
        if (!isLowerHex256(hex)) {
            throw new IllegalArgumentException("A record hash is 64 lower-case hex characters, got: " + hex);
        }
    }

    /** A plain loop rather than a regular expression: every scan checks hundreds of hashes. */
    private static boolean isLowerHex256(String text) {
        if (text == null || text.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** Parses a hash written in hex, accepting upper case. */
    public static RecordHash parse(String hex) {
        return new RecordHash(hex == null ? null : hex.toLowerCase(java.util.Locale.ROOT));
    }

    /** Wraps a 32-byte digest. */
    public static RecordHash of(byte[] digest) {
        if (digest.length != 32) {
            throw new IllegalArgumentException("A SHA-256 digest has 32 bytes, got " + digest.length);
        }
        return new RecordHash(HEX.formatHex(digest));
    }

    /** SHA-256 over the concatenation of the given parts. */
    public static RecordHash sha256(byte[]... parts) {
        MessageDigest digest = newDigest();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return of(digest.digest());
    }

    /** The 32 digest bytes (a fresh copy). */
    public byte[] bytes() {
        return HEX.parseHex(hex);
    }

    @Override
    public String toString() {
        return hex;
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}
