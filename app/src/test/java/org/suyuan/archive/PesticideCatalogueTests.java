package org.suyuan.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.suyuan.db.archive.ProductCategory;
import tools.jackson.databind.json.JsonMapper;

class PesticideCatalogueTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    private final PesticideCatalogue catalogue =
            new PesticideCatalogue(JsonMapper.builder().build());

    @Test
    void findsABannedPesticideByActiveIngredientOnAnyCrop() {
        var finding = catalogue.judge("甲胺磷", "50%甲胺磷乳油", ProductCategory.GRAIN_AND_OIL, "水稻", TODAY);

        assertThat(finding).hasValueSatisfying(f -> {
            assertThat(f.scope()).isEqualTo(PesticideCatalogue.Scope.BANNED);
            assertThat(f.announcement()).isEqualTo("农业部公告第322号");
        });
    }

    @Test
    void judgesByTheRulesInForceOnTheDayOfUse() {
        assertThat(catalogue.judge("克百威", "3%克百威颗粒剂", ProductCategory.GRAIN_AND_OIL, "玉米", LocalDate.of(2025, 5, 1)))
                .isEmpty();
        assertThat(catalogue.judge("克百威", "3%克百威颗粒剂", ProductCategory.GRAIN_AND_OIL, "玉米", TODAY))
                .hasValueSatisfying(f -> assertThat(f.scope()).isEqualTo(PesticideCatalogue.Scope.BANNED));
        assertThat(catalogue.judge("克百威", "3%克百威颗粒剂", ProductCategory.VEGETABLE, "番茄", LocalDate.of(2025, 5, 1)))
                .hasValueSatisfying(f -> assertThat(f.scope()).isEqualTo(PesticideCatalogue.Scope.RESTRICTED));
    }

    @Test
    void appliesARestrictionOnlyToTheCategoriesItNames() {
        assertThat(catalogue.judge("毒死蜱", "40%毒死蜱乳油", ProductCategory.VEGETABLE, "番茄", TODAY))
                .hasValueSatisfying(f -> assertThat(f.scope()).isEqualTo(PesticideCatalogue.Scope.RESTRICTED));
        assertThat(catalogue.judge("毒死蜱", "40%毒死蜱乳油", ProductCategory.GRAIN_AND_OIL, "水稻", TODAY))
                .isEmpty();
        assertThat(catalogue.judge("氰戊菊酯", "20%氰戊菊酯乳油", ProductCategory.TEA, "绿茶", TODAY))
                .isPresent();
    }

    @Test
    void appliesACropRestrictionByProductName() {
        assertThat(catalogue.judge("氟苯虫酰胺", "20%氟苯虫酰胺水分散粒剂", ProductCategory.GRAIN_AND_OIL, "水稻 南粳46", TODAY))
                .isPresent();
        assertThat(catalogue.judge("氟苯虫酰胺", "20%氟苯虫酰胺水分散粒剂", ProductCategory.VEGETABLE, "甘蓝", TODAY))
                .isEmpty();
    }

    @Test
    void doesNotMistakeAnAllowedSubstanceForAListedPartOfItsName() {
        assertThat(catalogue.judge("丁硫克百威", "20%丁硫克百威乳油", ProductCategory.GRAIN_AND_OIL, "水稻", TODAY))
                .isEmpty();
        assertThat(catalogue.judge("苯醚甲环唑", "10%苯醚甲环唑水分散粒剂", ProductCategory.VEGETABLE, "番茄", TODAY))
                .isEmpty();
    }

    @Test
    void reportsTheMostSevereFinding() {
        assertThat(catalogue.judge("氧乐果", "40%氧乐果乳油", ProductCategory.VEGETABLE, "番茄", TODAY))
                .hasValueSatisfying(f -> {
                    assertThat(f.substance()).isEqualTo("氧乐果");
                    assertThat(f.scope()).isEqualTo(PesticideCatalogue.Scope.BANNED);
                });
    }
}
