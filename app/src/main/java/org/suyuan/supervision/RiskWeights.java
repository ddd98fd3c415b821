package org.suyuan.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.suyuan.db.archive.ProductCategory;

/**
 * How much more likely a batch is to be drawn for a spot check, and why. Version {@value #VERSION}; the parts are
 * stored with every round so the draw can be re-run and explained.
 *
 * <pre>
 * weight = 1
 *        + category risk   (蔬菜 1.0, 水果/茶叶/水产 0.8, 食用菌/畜禽 0.6, 禽蛋 0.4, 粮油/其他 0.3)
 *        + 2.0 × refused banned or restricted pesticide attempts on the batch
 *        + 1.5 × refused harvests inside a safety interval on the batch
 *        + 3.0 × failed tests recorded on the batch
 *        + 1.0 × failed spot checks of the producer in the last two years
 *        + time since the producer's last spot check: days / 180, at most 1 (never checked: 1)
 * </pre>
 */
final class RiskWeights {

    static final int VERSION = 1;

    private static final Map<ProductCategory, BigDecimal> CATEGORY_RISK = Map.of(
            ProductCategory.VEGETABLE, new BigDecimal("1.0"),
            ProductCategory.FRUIT, new BigDecimal("0.8"),
            ProductCategory.TEA, new BigDecimal("0.8"),
            ProductCategory.AQUATIC, new BigDecimal("0.8"),
            ProductCategory.EDIBLE_FUNGI, new BigDecimal("0.6"),
            ProductCategory.LIVESTOCK_AND_POULTRY, new BigDecimal("0.6"),
            ProductCategory.EGGS, new BigDecimal("0.4"),
            ProductCategory.GRAIN_AND_OIL, new BigDecimal("0.3"),
            ProductCategory.OTHER, new BigDecimal("0.3"));

    private RiskWeights() {}

    /** What is known about a candidate batch when a round is planned. */
    record Evidence(
            ProductCategory category,
            int refusedPesticides,
            int refusedEarlyHarvests,
            int failedTests,
            int failedSpotChecksOfProducer,
            LocalDate lastSpotCheckOfProducer) {}

    /** A weight and its parts, named as the console shows them. */
    record Weight(BigDecimal total, Map<String, BigDecimal> parts) {}

    static Weight of(Evidence evidence, LocalDate today) {
        Map<String, BigDecimal> parts = new LinkedHashMap<>();
        parts.put("base", BigDecimal.ONE);
        parts.put("category", CATEGORY_RISK.get(evidence.category()));
        parts.put(
                "refusedPesticides", new BigDecimal("2.0").multiply(BigDecimal.valueOf(evidence.refusedPesticides())));
        parts.put(
                "refusedEarlyHarvests",
                new BigDecimal("1.5").multiply(BigDecimal.valueOf(evidence.refusedEarlyHarvests())));
        parts.put("failedTests", new BigDecimal("3.0").multiply(BigDecimal.valueOf(evidence.failedTests())));
        parts.put("producerHistory", BigDecimal.valueOf(evidence.failedSpotChecksOfProducer()));
        parts.put("timeSinceLastCheck", timeSince(evidence.lastSpotCheckOfProducer(), today));
        BigDecimal total = parts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Weight(total.stripTrailingZeros(), parts);
    }

    private static BigDecimal timeSince(LocalDate lastCheck, LocalDate today) {
        if (lastCheck == null) {
            return BigDecimal.ONE;
        }
        long days = Math.max(0, ChronoUnit.DAYS.between(lastCheck, today));
        return BigDecimal.valueOf(Math.min(days, 180)).divide(BigDecimal.valueOf(180), 2, java.math.RoundingMode.DOWN);
    }
}
