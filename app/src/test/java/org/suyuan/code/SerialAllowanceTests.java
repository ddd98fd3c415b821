package org.suyuan.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suyuan.code.CodeFixtures.correcting;
import static org.suyuan.code.CodeFixtures.harvest;
import static org.suyuan.code.CodeFixtures.irrigation;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.suyuan.archive.ArchiveEntry;
import org.suyuan.archive.Quantity;
import org.suyuan.archive.QuantityUnit;

class SerialAllowanceTests {

    @Test
    void allowsNoSerialsBeforeAnyHarvest() {
        SerialAllowance allowance = SerialAllowance.of(List.of(irrigation()), Optional.empty());

        assertThat(allowance.cap()).isZero();
        assertThat(allowance.anythingHarvested()).isFalse();
    }

    @Test
    void allowsOneSerialPerHarvestedUnitWithoutAnItemSize() {
        SerialAllowance allowance = SerialAllowance.of(
                List.of(harvest("3200", QuantityUnit.KG), harvest("20", QuantityUnit.BOX)), Optional.empty());

        assertThat(allowance.cap()).isEqualTo(3220);
        assertThat(allowance.harvested()).isEqualTo("3200千克、20箱");
    }

    @Test
    void dividesTheHarvestByTheItemSize() {
        SerialAllowance allowance = SerialAllowance.of(
                List.of(harvest("3200", QuantityUnit.KG)), Optional.of(Quantity.of("5", QuantityUnit.KG)));

        assertThat(allowance.cap()).isEqualTo(640);
    }

    @Test
    void convertsWeightsAndNeverCountsPartOfAnItem() {
        // 100 斤 + 1 千克 = 51 千克 = 102 half-kilo bags; at 0.4 千克 per bag, 127.5 bags: 127.
        List<ArchiveEntry> history = List.of(harvest("100", QuantityUnit.JIN), harvest("1", QuantityUnit.KG));

        assertThat(SerialAllowance.of(history, Optional.of(Quantity.of("0.5", QuantityUnit.KG)))
                        .cap())
                .isEqualTo(102);
        assertThat(SerialAllowance.of(history, Optional.of(Quantity.of("0.4", QuantityUnit.KG)))
                        .cap())
                .isEqualTo(127);
        assertThat(SerialAllowance.of(history, Optional.empty()).harvested()).isEqualTo("51千克");
    }

    @Test
    void countsOnlyHarvestsInTheItemSizesCountedUnit() {
        List<ArchiveEntry> history = List.of(harvest("600", QuantityUnit.PIECE), harvest("50", QuantityUnit.KG));

        assertThat(SerialAllowance.of(history, Optional.of(Quantity.of("6", QuantityUnit.PIECE)))
                        .cap())
                .isEqualTo(100);
        assertThat(SerialAllowance.of(history, Optional.of(Quantity.of("1", QuantityUnit.BOX)))
                        .cap())
                .isZero();
    }

    @Test
    void usesTheCorrectedHarvestNotTheOneItReplaced() {
        ArchiveEntry mistyped = harvest("32000", QuantityUnit.KG);
        List<ArchiveEntry> history = List.of(mistyped, correcting(mistyped, "3200", QuantityUnit.KG));

        assertThat(SerialAllowance.of(history, Optional.empty()).cap()).isEqualTo(3200);
    }
}
