package org.suyuan.qr;

import java.util.Objects;

/**
 * A GS1 Digital Link for a product with a GTIN: {@code /01/{gtin}/10/{lot}} for a batch and
 * {@code /01/{gtin}/10/{lot}/21/{serial}} for one item, so that retail 2D scanners and consumer
 * phones read the same label (GS1 Digital Link URI syntax 1.2).
 *
 * <p>Lot (AI 10) and serial (AI 21) are each 1–20 characters of the GS1 82-character set. In the
 * path, letters, digits, {@code - . _} stand as they are and every other character of the set is
 * percent-encoded, as the standard's grammar writes it; parsing accepts exactly that (hex digits in
 * either case), tolerates one trailing slash, and rejects everything else.
 *
 * @param gtin the product
 * @param lot the batch number (AI 10)
 * @param serial the item serial (AI 21), or {@code null} for a batch-level link
 */
public record DigitalLink(Gtin gtin, String lot, String serial) {

    static final String AI_GTIN = "01";

    /** Key qualifiers of a GTIN: batch/lot, then serial number, in the order GS1 fixes. */
    static final String AI_LOT = "10";

    static final String AI_SERIAL = "21";

    private static final int MAX_VALUE_LENGTH = 20;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** Rejects a lot or serial that is not 1–20 characters of the GS1 82-character set. */
    public DigitalLink {
        Objects.requireNonNull(gtin, "gtin");
        requireValid(AI_LOT, lot);
        if (serial != null) {
            requireValid(AI_SERIAL, serial);
        }
    }

    /** The batch-level link {@code /01/{gtin}/10/{lot}}. */
    public static DigitalLink forBatch(Gtin gtin, String lot) {
        return new DigitalLink(gtin, lot, null);
    }

    /** The item-level link {@code /01/{gtin}/10/{lot}/21/{serial}}. */
    public static DigitalLink forItem(Gtin gtin, String lot, String serial) {
        return new DigitalLink(gtin, Objects.requireNonNull(lot, "lot"), Objects.requireNonNull(serial, "serial"));
    }

    /**
     * Reads the path of a request, still percent-encoded as it arrived (no query string).
     *
     * @throws InvalidDigitalLinkException for any other shape, a bad GTIN, or a bad lot or serial
     */
    public static DigitalLink parsePath(String path) {
        if (path == null || !path.startsWith("/")) {
            throw InvalidDigitalLinkException.malformedPath(path);
        }
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String[] segments = trimmed.substring(1).split("/", -1);
        if ((segments.length != 4 && segments.length != 6)
                || !segments[0].equals(AI_GTIN)
                || !segments[2].equals(AI_LOT)
                || (segments.length == 6 && !segments[4].equals(AI_SERIAL))) {
            throw InvalidDigitalLinkException.malformedPath(path);
        }
        Gtin gtin;
        try {
            gtin = Gtin.parse(segments[1]);
        } catch (InvalidGtinException e) {
            throw InvalidDigitalLinkException.invalidGtin(path, e);
        }
        String lot = percentDecode(AI_LOT, segments[3]);
        String serial = segments.length == 6 ? percentDecode(AI_SERIAL, segments[5]) : null;
        return new DigitalLink(gtin, lot, serial);
    }

    /** Whether this names one item rather than a batch. */
    public boolean hasSerial() {
        return serial != null;
    }

    /** The path, GTIN as 14 digits and values percent-encoded, e.g. {@code /01/06901234567892/10/B2024-117}. */
    public String path() {
        StringBuilder path = new StringBuilder(64)
                .append('/')
                .append(AI_GTIN)
                .append('/')
                .append(gtin.value())
                .append('/')
                .append(AI_LOT)
                .append('/');
        percentEncode(lot, path);
        if (serial != null) {
            path.append('/').append(AI_SERIAL).append('/');
            percentEncode(serial, path);
        }
        return path.toString();
    }

    @Override
    public String toString() {
        return path();
    }

    /** The GS1 AI encodable character set 82 (GS1 General Specifications, figure 7.11-1). */
    static boolean inCharacterSet82(char c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || (c >= '!' && c <= '"')
                || (c >= '%' && c <= '/')
                || (c >= ':' && c <= '?')
                || c == '_';
    }

    private static boolean standsUnencoded(char c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_';
    }

    private static void requireValid(String applicationIdentifier, String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_VALUE_LENGTH) {
            throw InvalidDigitalLinkException.invalidValue(applicationIdentifier, value);
        }
        for (int i = 0; i < value.length(); i++) {
            if (!inCharacterSet82(value.charAt(i))) {
                throw InvalidDigitalLinkException.invalidValue(applicationIdentifier, value);
            }
        }
    }

    private static void percentEncode(String value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (standsUnencoded(c)) {
                out.append(c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
    }

    private static String percentDecode(String applicationIdentifier, String segment) {
        StringBuilder decoded = new StringBuilder(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                if (i + 2 >= segment.length()) {
                    throw InvalidDigitalLinkException.badPercentEncoding(segment);
                }
                int high = hexValue(segment.charAt(i + 1));
                int low = hexValue(segment.charAt(i + 2));
                if (high < 0 || low < 0) {
                    throw InvalidDigitalLinkException.badPercentEncoding(segment);
                }
                char encoded = (char) (high << 4 | low);
                if (!inCharacterSet82(encoded)) {
                    throw InvalidDigitalLinkException.invalidValue(applicationIdentifier, segment);
                }
                decoded.append(encoded);
                i += 2;
            } else if (standsUnencoded(c)) {
                decoded.append(c);
            } else {
                throw InvalidDigitalLinkException.invalidValue(applicationIdentifier, segment);
            }
        }
        return decoded.toString();
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }
}
