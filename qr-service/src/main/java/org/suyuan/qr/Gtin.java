package org.suyuan.qr;

/**
 * A Global Trade Item Number, always held as GTIN-14 so that one product has one spelling in the
 * database, in GS1 Digital Link paths and in EPCIS exports.
 *
 * <p>GTIN-8, -12 (UPC-A) and -13 (EAN-13, the usual 69x… numbers of GS1 China) are left-padded with
 * zeros to 14 digits, as GS1 defines; the check digit is the GS1 mod-10 one (weights 3 and 1
 * alternating from the rightmost data digit).
 *
 * @param value 14 digits with a valid check digit
 */
public record Gtin(String value) {

    /** Accepts 8, 12, 13 or 14 digits and pads to 14; rejects anything else. */
    public Gtin {
        value = normalise(value);
    }

    /**
     * Reads a GTIN as printed under a barcode or typed by a producer.
     *
     * @throws InvalidGtinException for a wrong length, non-digits or a wrong check digit
     */
    public static Gtin parse(String input) {
        return new Gtin(input);
    }

    /** The GS1 mod-10 check digit for the given data digits (all but the check digit). */
    static int checkDigit(CharSequence dataDigits) {
        int sum = 0;
        int weight = 3;
        for (int i = dataDigits.length() - 1; i >= 0; i--) {
            sum += (dataDigits.charAt(i) - '0') * weight;
            weight = 4 - weight;
        }
        return (10 - sum % 10) % 10;
    }

    @Override
    public String toString() {
        return value;
    }

    private static String normalise(String input) {
        if (input == null || input.isBlank()) {
            throw InvalidGtinException.missing();
        }
        String digits = input.strip();
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw InvalidGtinException.notDigits(input);
            }
        }
        int length = digits.length();
        if (length != 8 && length != 12 && length != 13 && length != 14) {
            throw InvalidGtinException.wrongLength(input);
        }
        String padded = "0".repeat(14 - length) + digits;
        int expected = checkDigit(padded.substring(0, 13));
        if (padded.charAt(13) - '0' != expected) {
            throw InvalidGtinException.wrongCheckDigit(input, expected);
        }
        return padded;
    }
}
