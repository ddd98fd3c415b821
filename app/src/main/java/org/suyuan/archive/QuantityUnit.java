package org.suyuan.archive;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Units farmers count produce in. Weights convert into each other; counted units (箱, 个...) only compare with
 * themselves, because how much a box holds is not known.
 */
public enum QuantityUnit {
    KG("千克", new BigDecimal("1000")),
    JIN("斤", new BigDecimal("500")),
    G("克", BigDecimal.ONE),
    TON("吨", new BigDecimal("1000000")),
    PIECE("个", null),
    BOX("箱", null),
    BAG("袋", null),
    HEAD("头", null);

    private final String chineseName;
    private final BigDecimal grams;

    QuantityUnit(String chineseName, BigDecimal grams) {
        this.chineseName = chineseName;
        this.grams = grams;
    }

    public String chineseName() {
        return chineseName;
    }

    /** Grams per unit, or empty for counted units. */
    public Optional<BigDecimal> grams() {
        return Optional.ofNullable(grams);
    }

    public boolean isWeight() {
        return grams != null;
    }
}
