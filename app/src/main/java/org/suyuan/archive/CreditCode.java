package org.suyuan.archive;

import org.suyuan.problem.InvalidInputException;

/**
 * A 统一社会信用代码 (unified social credit code), validated with its GB 32100-2015 check character.
 *
 * <p>Eighteen characters from a 31-symbol alphabet (digits and capitals without I, O, S, V, Z): registering
 * authority, organization kind, six-digit region code, nine-character organization code, check character.
 */
public record CreditCode(String value) {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public CreditCode {
        String reason = problemWith(value);
        if (reason != null) {
            throw InvalidInputException.creditCode("creditCode", reason);
        }
    }

    /** Parses user input: surrounding spaces are dropped and letters are upper-cased. */
    public static CreditCode parse(String input) {
        return new CreditCode(input == null ? null : input.strip().toUpperCase(java.util.Locale.ROOT));
    }

    /** The check character GB 32100 prescribes for the first seventeen characters. */
    static char checkCharacterFor(String firstSeventeen) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(firstSeventeen.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /** The six-digit administrative region code embedded in the credit code. */
    public String regionCode() {
        return value.substring(2, 8);
    }

    private static String problemWith(String value) {
        if (value == null || value.length() != 18) {
            return "统一社会信用代码应为18位，请核对营业执照。";
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(value.charAt(i)) < 0) {
                return "统一社会信用代码第" + (i + 1) + "位“" + value.charAt(i) + "”不是有效字符（不使用 I、O、S、V、Z）。";
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(value.charAt(i))) {
                return "统一社会信用代码第3至8位应为行政区划代码（数字）。";
            }
        }
        if (checkCharacterFor(value) != value.charAt(17)) {
            return "统一社会信用代码校验位不符，可能有字符输错，请核对营业执照。";
        }
        return null;
    }

    @Override
    public String toString() {
        return value;
    }
}
