package org.suyuan.archive;

import org.suyuan.problem.InvalidInputException;

/**
 * A GS1 Global Location Number: 13 digits, the last a GS1 mod-10 check digit (weights 3 and 1 alternating from the
 * rightmost data digit), as GS1 China (中国物品编码中心) assigns them to parties and locations.
 */
public record Gln(String value) {

    public Gln {
        if (value == null || !value.matches("[0-9]{13}")) {
            throw InvalidInputException.gln("gln", "全球位置码（GLN）应为 13 位数字，当前为“" + value + "”。");
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            int digit = value.charAt(11 - i) - '0';
            sum += i % 2 == 0 ? digit * 3 : digit;
        }
        if (value.charAt(12) - '0' != (10 - sum % 10) % 10) {
            throw InvalidInputException.gln("gln", "全球位置码（GLN）" + value + " 的校验位不对，请核对后重新输入。");
        }
    }

    /** Parses user input, dropping surrounding spaces. */
    public static Gln parse(String input) {
        return new Gln(input == null ? null : input.strip());
    }
}
