package org.suyuan.archive;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.suyuan.problem.InvalidInputException;

/**
 * A resident ID-card number (公民身份号码) validated with its GB 11643-1999 check digit and birth date.
 *
 * <p>Personal information: never printed whole. {@link #masked()} is what pages and the API show; the number
 * itself is only kept encrypted.
 */
public record IdCardNumber(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_DIGITS = "10X98765432";

    public IdCardNumber {
        String reason = problemWith(value);
        if (reason != null) {
            throw InvalidInputException.idCard("idCardNumber", reason);
        }
    }

    public static IdCardNumber parse(String input) {
        return new IdCardNumber(input == null ? null : input.strip().toUpperCase(java.util.Locale.ROOT));
    }

    static char checkDigitFor(String firstSeventeen) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (firstSeventeen.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_DIGITS.charAt(sum % 11);
    }

    /** The region code of the address of first registration, then eight stars, then the last four characters. */
    public String masked() {
        return value.substring(0, 6) + "********" + value.substring(14);
    }

    private static String problemWith(String value) {
        if (value == null || value.length() != 18) {
            return "身份证号码应为18位。";
        }
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(value.charAt(i))) {
                return "身份证号码前17位应为数字。";
            }
        }
        try {
            LocalDate birth = LocalDate.of(
                    Integer.parseInt(value.substring(6, 10)),
                    Integer.parseInt(value.substring(10, 12)),
                    Integer.parseInt(value.substring(12, 14)));
            if (birth.isBefore(LocalDate.of(1900, 1, 1)) || birth.isAfter(LocalDate.now())) {
                return "身份证号码中的出生日期不合理，请核对。";
            }
        } catch (DateTimeException e) {
            return "身份证号码中的出生日期无效，请核对。";
        }
        if (checkDigitFor(value) != value.charAt(17)) {
            return "身份证号码校验位不符，可能有数字输错，请核对。";
        }
        return null;
    }

    @Override
    public String toString() {
        return masked();
    }
}
