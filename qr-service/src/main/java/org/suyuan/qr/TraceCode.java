package org.suyuan.qr;

import java.util.Arrays;
import java.util.Optional;

/**
 * The code printed on a batch label or on one item (一物一码), and the last segment of its URL
 * {@code {base}/t/{code}}.
 *
 * <p>Scheme: 16 data characters from Crockford's base32 alphabet ({@code 0-9 A-Z} without
 * {@code I L O U}), which carry 80 random bits, then one check character from the same alphabet.
 * 80 bits keep a photographed label from vouching for guessed fakes (DESIGN.md asks at least that
 * for per-item serials); 17 upper-case characters keep the URL of a 25-character host at 53
 * characters, inside a version-4 QR symbol at error correction M, and inside GS1's 20-character
 * limit for a serial (AI 21).
 *
 * <p>The check character is the weighted sum, over GF(32), of the 16 data values with the distinct
 * weights α¹…α¹⁶ (α a primitive element, polynomial x⁵+x²+1). Distinct non-zero weights in a field
 * make every single substitution and every transposition of two characters, adjacent or not and the
 * check character included, change the sum. Luhn mod 32 was the obvious alternative; like decimal
 * Luhn with 09↔90 it misses one adjacent transposition ({@code 0Z}↔{@code Z0}).
 *
 * <p>Parsing follows Crockford: case-insensitive, {@code I} and {@code L} read as {@code 1},
 * {@code O} as {@code 0}, and hyphens ignored, so the grouped form printed under a QR code
 * ({@link #grouped()}) can be typed back as it reads.
 *
 * @param value the 17 canonical characters (upper case, no hyphens)
 */
public record TraceCode(String value) {

    /** Characters of a trace code: 16 data characters and the check character. */
    public static final int LENGTH = 17;

    static final int DATA_LENGTH = 16;
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private static final int[] WEIGHTS = weights();

    /** Normalises like {@link #parse} and rejects anything that is not a valid code. */
    public TraceCode {
        value = normalise(value);
    }

    /**
     * Reads a code as typed or scanned: case-insensitive, Crockford's look-alikes mapped, hyphens
     * and surrounding spaces ignored.
     *
     * @throws InvalidTraceCodeException for a wrong length, a character outside the alphabet, or a
     *     check character that does not match
     */
    public static TraceCode parse(String input) {
        return new TraceCode(input);
    }

    /**
     * The code at the end of a trace URL ({@code …/t/{code}}), as found in a scanned QR symbol;
     * empty when the text is not such a URL or its last segment is not a valid code.
     */
    public static Optional<TraceCode> fromTraceUrl(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String path = text.strip();
        int end = firstIndexOf(path, '?', '#');
        path = path.substring(0, end);
        int marker = path.lastIndexOf("/t/");
        if (marker < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(path.substring(marker + 3)));
        } catch (InvalidTraceCodeException e) {
            return Optional.empty();
        }
    }

    /** The code in groups of 4-4-4-5 for people to read and type; {@link #parse} accepts it back. */
    public String grouped() {
        return value.substring(0, 4) + "-" + value.substring(4, 8) + "-" + value.substring(8, 12) + "-"
                + value.substring(12);
    }

    @Override
    public String toString() {
        return value;
    }

    /** Builds a code from 16 data values (0–31 each), appending the check character. */
    static TraceCode fromDataValues(int[] data) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int value : data) {
            code.append(ALPHABET.charAt(value));
        }
        code.append(ALPHABET.charAt(checkValue(data)));
        return new TraceCode(code.toString());
    }

    static int checkValue(int[] data) {
        int sum = 0;
        for (int i = 0; i < DATA_LENGTH; i++) {
            sum ^= Gf32.multiply(WEIGHTS[i], data[i]);
        }
        return sum;
    }

    private static String normalise(String input) {
        if (input == null || input.isBlank()) {
            throw InvalidTraceCodeException.missing();
        }
        String stripped = input.strip();
        int[] values = new int[LENGTH];
        int count = 0;
        for (int i = 0; i < stripped.length(); ) {
            int codePoint = stripped.codePointAt(i);
            int position = i;
            i += Character.charCount(codePoint);
            if (codePoint == '-') {
                continue;
            }
            int value = valueOf(codePoint);
            if (value < 0) {
                throw InvalidTraceCodeException.invalidCharacter(input, codePoint, position);
            }
            if (count < LENGTH) {
                values[count] = value;
            }
            count++;
        }
        if (count != LENGTH) {
            throw InvalidTraceCodeException.wrongLength(input, count);
        }
        int[] data = Arrays.copyOf(values, DATA_LENGTH);
        if (checkValue(data) != values[DATA_LENGTH]) {
            throw InvalidTraceCodeException.checkCharacterMismatch(input);
        }
        StringBuilder canonical = new StringBuilder(LENGTH);
        for (int value : values) {
            canonical.append(ALPHABET.charAt(value));
        }
        return canonical.toString();
    }

    private static int valueOf(int codePoint) {
        if (codePoint > 127) {
            return -1;
        }
        char c = Character.toUpperCase((char) codePoint);
        switch (c) {
            case 'I', 'L' -> c = '1';
            case 'O' -> c = '0';
            default -> {}
        }
        return ALPHABET.indexOf(c);
    }

    private static int firstIndexOf(String text, char... candidates) {
        int first = text.length();
        for (char candidate : candidates) {
            int index = text.indexOf(candidate);
            if (index >= 0 && index < first) {
                first = index;
            }
        }
        return first;
    }

    private static int[] weights() {
        int[] weights = new int[DATA_LENGTH];
        int power = 1;
        for (int i = 0; i < DATA_LENGTH; i++) {
            power = Gf32.multiply(power, Gf32.ALPHA);
            weights[i] = power;
        }
        return weights;
    }

    /** Arithmetic in GF(2⁵) with the primitive polynomial x⁵+x²+1; addition is XOR. */
    static final class Gf32 {

        static final int ALPHA = 2;
        private static final int POLYNOMIAL = 0b100101;

        private Gf32() {}

        static int multiply(int a, int b) {
            int product = 0;
            while (b != 0) {
                if ((b & 1) != 0) {
                    product ^= a;
                }
                b >>>= 1;
                a <<= 1;
                if ((a & 0b100000) != 0) {
                    a ^= POLYNOMIAL;
                }
            }
            return product;
        }
    }
}
