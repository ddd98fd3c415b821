package org.suyuan.archive;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.suyuan.problem.InvalidInputException;

/**
 * An amount of produce with its unit. The amount travels as a decimal string ("12.5") so that hashed records
 * never hold binary floating point.
 */
public record Quantity(
        @NotNull @JsonFormat(shape = JsonFormat.Shape.STRING)
        BigDecimal amount,

        @NotNull QuantityUnit unit) {

    private static final BigDecimal MAXIMUM = new BigDecimal("1000000000");

    public Quantity {
        if (amount != null) {
            if (amount.signum() <= 0
                    || amount.compareTo(MAXIMUM) > 0
                    || amount.stripTrailingZeros().scale() > 3) {
                throw InvalidInputException.quantity(
                        "amount", "数量应大于0，最多3位小数，例如 1250 或 12.5；当前为 " + amount.toPlainString() + "。");
            }
            amount = new BigDecimal(amount.stripTrailingZeros().toPlainString());
        }
    }

    public static Quantity of(String amount, QuantityUnit unit) {
        return new Quantity(new BigDecimal(amount), unit);
    }

    /** Whether two quantities can be added and compared: both weights, or the same counted unit. */
    public boolean comparableWith(QuantityUnit other) {
        return unit == other || (unit.isWeight() && other.isWeight());
    }

    /** The amount in the smallest common measure: grams for weights, the count itself otherwise. */
    public BigDecimal inBaseMeasure() {
        return unit.grams().map(amount::multiply).orElse(amount);
    }

    @Override
    public String toString() {
        return amount.toPlainString() + unit.chineseName();
    }
}
