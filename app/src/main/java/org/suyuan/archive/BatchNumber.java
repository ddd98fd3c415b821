package org.suyuan.archive;

import java.util.regex.Pattern;
import org.suyuan.problem.InvalidInputException;

/**
 * A batch number (批次号), unique within an organization. Letters, digits, '-' and '_' only, so that it can
 * travel inside a GS1 Digital Link (AI 10, at most 20 characters) and be typed from a label.
 */
public record BatchNumber(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,19}");

    public BatchNumber {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw InvalidInputException.batchNumber("batchNumber", "批次号为1至20位字母、数字、“-”或“_”，以字母或数字开头，例如 B2026-001。");
        }
    }

    public static BatchNumber parse(String input) {
        return new BatchNumber(input == null ? null : input.strip());
    }

    @Override
    public String toString() {
        return value;
    }
}
