package org.suyuan.code;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import org.suyuan.archive.ArchiveEntry;
import org.suyuan.archive.Quantity;

/**
 * How many per-item serials a batch may have: mass balance between labels and harvest, so that no more items
 * can carry a genuine code than the archive says were harvested.
 *
 * <p>With an item size on the product (e.g. 0.5 千克 per bag) the cap is the harvest divided by it: weights in
 * any unit for a weight, the same counted unit for a count (6 个 per box over harvests in 个). Harvests in a
 * measure the item size does not convert from add nothing. Without an item size, one item per harvested unit
 * (3200 千克 allow 3200 serials, 20 箱 allow 20). Fractions of an item are never counted.
 *
 * @param cap how many serials the batch may have in total
 * @param harvested the harvest as people write it (e.g. {@code 3200千克}), empty before any harvest
 * @param itemSize the product's item size, if set
 */
record SerialAllowance(long cap, String harvested, Optional<Quantity> itemSize) {

    static SerialAllowance of(List<ArchiveEntry> history, Optional<Quantity> itemSize) {
        List<Harvests.Total> totals = Harvests.totals(history);
        BigDecimal items = itemSize.map(size -> itemsOf(totals, size))
                .orElseGet(() -> totals.stream()
                        .map(total -> total.amount().setScale(0, RoundingMode.DOWN))
                        .reduce(BigDecimal.ZERO, BigDecimal::add));
        long cap = items.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : items.longValue();
        return new SerialAllowance(cap, Harvests.describe(totals), itemSize);
    }

    /** Whether the archive records any harvest at all. */
    boolean anythingHarvested() {
        return !harvested.isEmpty();
    }

    private static BigDecimal itemsOf(List<Harvests.Total> totals, Quantity itemSize) {
        BigDecimal sameMeasure = totals.stream()
                .filter(total -> total.comparableWith(itemSize.unit()))
                .map(Harvests.Total::inBaseMeasure)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return sameMeasure.divide(itemSize.inBaseMeasure(), 0, RoundingMode.DOWN);
    }
}
