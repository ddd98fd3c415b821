package org.suyuan.code;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.suyuan.archive.ArchiveEntry;
import org.suyuan.archive.EventDetails;
import org.suyuan.archive.Quantity;
import org.suyuan.archive.QuantityUnit;

/**
 * What a batch has harvested, from its archive: the harvest entries still in force (corrections applied),
 * added up per measure. Weights add up across units (斤 and 千克 alike); counted units (箱, 袋...) only with
 * themselves, since how much a box holds is not known.
 */
final class Harvests {

    private Harvests() {}

    /** A harvest total; unlike {@link Quantity} it may exceed what one entry may record. */
    record Total(BigDecimal amount, QuantityUnit unit) {

        /** Grams for a weight, the count itself otherwise. */
        BigDecimal inBaseMeasure() {
            return unit.grams().map(amount::multiply).orElse(amount);
        }

        boolean comparableWith(QuantityUnit other) {
            return unit == other || (unit.isWeight() && other.isWeight());
        }

        @Override
        public String toString() {
            return amount.toPlainString() + unit.chineseName();
        }
    }

    /**
     * One total per measure, in order of first harvest: all weights together, in the unit of the weight harvests
     * when they share one and in 千克 otherwise; then each counted unit. Empty before any harvest.
     */
    static List<Total> totals(List<ArchiveEntry> history) {
        List<Quantity> harvested = ArchiveEntry.effective(history).stream()
                .filter(entry -> entry.details() instanceof EventDetails.Harvest)
                .map(entry -> entry.detailsAs(EventDetails.Harvest.class).quantity())
                .toList();
        List<QuantityUnit> weightUnits = harvested.stream()
                .map(Quantity::unit)
                .filter(QuantityUnit::isWeight)
                .distinct()
                .toList();
        QuantityUnit weightUnit = weightUnits.size() == 1 ? weightUnits.get(0) : QuantityUnit.KG;
        Map<QuantityUnit, BigDecimal> sums = new LinkedHashMap<>();
        for (Quantity quantity : harvested) {
            if (quantity.unit().isWeight()) {
                sums.merge(weightUnit, quantity.inBaseMeasure(), BigDecimal::add);
            } else {
                sums.merge(quantity.unit(), quantity.amount(), BigDecimal::add);
            }
        }
        List<Total> totals = new ArrayList<>();
        sums.forEach((unit, sum) -> totals.add(new Total(unit.isWeight() ? gramsIn(sum, unit) : sum, unit)));
        return totals;
    }

    /** The totals as people write them, e.g. {@code 3200千克、20箱}; empty when nothing was harvested. */
    static String describe(List<Total> totals) {
        return totals.stream().map(Total::toString).collect(Collectors.joining("、"));
    }

    /** Grams expressed in {@code unit}, to three decimals, rounded down: never more than was harvested. */
    private static BigDecimal gramsIn(BigDecimal grams, QuantityUnit unit) {
        BigDecimal perUnit = unit.grams().orElseThrow();
        return new BigDecimal(
                grams.divide(perUnit, 3, RoundingMode.DOWN).stripTrailingZeros().toPlainString());
    }
}
