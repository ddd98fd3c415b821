package org.suyuan.qr;

/** Label or label-job input that cannot be printed: a missing field, an overlong one, or too many labels. */
public final class InvalidLabelException extends IllegalArgumentException {

    private InvalidLabelException(String message) {
        super(message);
    }

    public static InvalidLabelException missing(String field) {
        return new InvalidLabelException("A label needs " + field);
    }

    public static InvalidLabelException tooLong(String field, int maxLength) {
        return new InvalidLabelException("The label's " + field + " is longer than " + maxLength + " characters");
    }

    public static InvalidLabelException noLabels() {
        return new InvalidLabelException("A label sheet needs at least one label");
    }

    public static InvalidLabelException tooMany(int count) {
        return new InvalidLabelException(
                "A label document holds at most " + LabelSheet.MAX_LABELS + " labels, got " + count);
    }
}
