package org.suyuan.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.suyuan.archive.ArchiveFixtures.TODAY;
import static org.suyuan.archive.ArchiveFixtures.candidate;
import static org.suyuan.archive.ArchiveFixtures.correcting;
import static org.suyuan.archive.ArchiveFixtures.harvest;
import static org.suyuan.archive.ArchiveFixtures.history;
import static org.suyuan.archive.ArchiveFixtures.pesticideUse;
import static org.suyuan.archive.ArchiveFixtures.shipment;
import static org.suyuan.archive.ArchiveFixtures.tomato;
import static org.suyuan.archive.ArchiveFixtures.tomatoBatch;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.suyuan.db.archive.Batch;
import org.suyuan.db.archive.BatchStatus;
import org.suyuan.db.archive.EventType;
import tools.jackson.databind.json.JsonMapper;

class ArchiveRulesTests {

    private final ArchiveRules rules =
            new ArchiveRules(new PesticideCatalogue(JsonMapper.builder().build()));

    @Test
    void readsOnlyTheHistoryARuleJudgesBy() {
        assertThat(ArchiveRules.historyNeededFor(EventType.IRRIGATION, false)).isEmpty();
        assertThat(ArchiveRules.historyNeededFor(EventType.PESTICIDE_USE, false))
                .isEmpty();
        assertThat(ArchiveRules.historyNeededFor(EventType.HARVEST, false)).containsOnly(EventType.PESTICIDE_USE);
        assertThat(ArchiveRules.historyNeededFor(EventType.SHIPMENT, false))
                .containsOnly(EventType.HARVEST, EventType.RECEIPT, EventType.SHIPMENT);
        assertThat(ArchiveRules.historyNeededFor(EventType.IRRIGATION, true)).containsOnly(EventType.IRRIGATION);
        assertThat(ArchiveRules.historyNeededFor(EventType.HARVEST, true))
                .containsOnly(EventType.HARVEST, EventType.PESTICIDE_USE);
    }

    @Test
    void rejectsHarvestInsideSafetyInterval() {
        var history = history(pesticideUse(TODAY.minusDays(5), 7));

        assertThatThrownBy(() -> check(history, harvest(TODAY, "100", QuantityUnit.KG)))
                .isInstanceOfSatisfying(RuleViolationException.class, violation -> {
                    assertThat(violation.rule()).isEqualTo(Rule.HARVEST_INSIDE_SAFETY_INTERVAL);
                    assertThat(violation.type()).hasToString("/problems/harvest-inside-safety-interval");
                    assertThat(violation.properties())
                            .containsEntry(
                                    "harvestAllowedFrom", TODAY.plusDays(2).toString());
                });
    }

    @Test
    void allowsHarvestOnTheDayTheSafetyIntervalEnds() {
        var history = history(pesticideUse(TODAY.minusDays(7), 7));

        assertThatCode(() -> check(history, harvest(TODAY, "100", QuantityUnit.KG)))
                .doesNotThrowAnyException();
    }

    @Test
    void judgesHarvestByTheLatestSafetyIntervalOfAllEarlierUses() {
        var history = history(pesticideUse(TODAY.minusDays(20), 3), pesticideUse(TODAY.minusDays(2), 5));

        assertThatThrownBy(() -> check(history, harvest(TODAY, "1", QuantityUnit.KG)))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        violation -> assertThat(violation.properties())
                                .containsEntry(
                                        "harvestAllowedFrom", TODAY.plusDays(3).toString()));
    }

    @Test
    void ignoresPesticideUsesThatACorrectionReplaced() {
        var wrong = pesticideUse(TODAY.minusDays(2), 30);
        var corrected = correcting(wrong, pesticideUse(TODAY.minusDays(10), 7));

        assertThatCode(() -> check(history(wrong, corrected), harvest(TODAY, "1", QuantityUnit.KG)))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectsABannedPesticide() {
        var banned = new EventDetails.PesticideUse("40%氧乐果乳油", "PD20080001", "氧乐果", "50", "毫升/亩", "喷雾", 15, null, null);

        assertThatThrownBy(() -> rules.check(
                        tomatoBatch(),
                        tomato(),
                        List.of(),
                        new ArchiveRules.Candidate(EventType.PESTICIDE_USE, TODAY, banned, null),
                        TODAY))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        violation -> assertThat(violation.rule()).isEqualTo(Rule.BANNED_PESTICIDE));
    }

    @Test
    void rejectsAPesticideRestrictedForTheCrop() {
        var restricted =
                new EventDetails.PesticideUse("40%毒死蜱乳油", "PD20080002", "毒死蜱", "50", "毫升/亩", "喷雾", 7, null, null);

        assertThatThrownBy(() -> rules.check(
                        tomatoBatch(),
                        tomato(),
                        List.of(),
                        new ArchiveRules.Candidate(EventType.PESTICIDE_USE, TODAY, restricted, null),
                        TODAY))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        violation -> assertThat(violation.rule()).isEqualTo(Rule.RESTRICTED_PESTICIDE));
    }

    @Test
    void rejectsShippingMoreThanWasHarvestedAcrossWeightUnits() {
        var history = history(
                harvest(TODAY.minusDays(3), "1", QuantityUnit.TON),
                shipment(TODAY.minusDays(2), "1000", QuantityUnit.JIN));

        assertThatCode(() -> check(history, shipment(TODAY, "500", QuantityUnit.KG)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> check(history, shipment(TODAY, "500.001", QuantityUnit.KG)))
                .isInstanceOfSatisfying(RuleViolationException.class, violation -> {
                    assertThat(violation.rule()).isEqualTo(Rule.SHIPMENT_EXCEEDS_HARVEST);
                    assertThat(violation.properties()).containsEntry("available", "500");
                });
    }

    @Test
    void rejectsShippingCountedUnitsThatWereNeverHarvested() {
        var history = history(harvest(TODAY.minusDays(3), "100", QuantityUnit.KG));

        assertThatThrownBy(() -> check(history, shipment(TODAY, "1", QuantityUnit.BOX)))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        violation -> assertThat(violation.rule()).isEqualTo(Rule.SHIPMENT_EXCEEDS_HARVEST));
    }

    @Test
    void rejectsEventsDatedInTheFutureOrBeforeTheBatchStarted() {
        assertThatThrownBy(() -> check(List.of(), harvest(TODAY.plusDays(1), "1", QuantityUnit.KG)))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        violation -> assertThat(violation.rule()).isEqualTo(Rule.EVENT_IN_FUTURE));
        assertThatThrownBy(() -> check(List.of(), harvest(TODAY.minusDays(91), "1", QuantityUnit.KG)))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        violation -> assertThat(violation.rule()).isEqualTo(Rule.EVENT_BEFORE_BATCH_START));
    }

    @Test
    void rejectsEverythingOnARecalledBatch() {
        Batch recalled = tomatoBatch();
        recalled.reach(BatchStatus.RECALLED);

        assertThatThrownBy(() -> rules.check(
                        recalled, tomato(), List.of(), candidate(harvest(TODAY, "1", QuantityUnit.KG)), TODAY))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        violation -> assertThat(violation.rule()).isEqualTo(Rule.BATCH_RECALLED));
    }

    @Test
    void rejectsACorrectionOfADifferentTypeOrOfAnAlreadyCorrectedEvent() {
        var use = pesticideUse(TODAY.minusDays(10), 7);
        var harvestEntry = harvest(TODAY, "1", QuantityUnit.KG);
        var differentType = new ArchiveRules.Candidate(EventType.HARVEST, TODAY, harvestEntry.details(), use);

        assertThatThrownBy(() -> rules.check(tomatoBatch(), tomato(), history(use), differentType, TODAY))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        violation -> assertThat(violation.rule()).isEqualTo(Rule.INVALID_CORRECTION));

        var firstCorrection = correcting(use, pesticideUse(TODAY.minusDays(9), 7));
        var again = new ArchiveRules.Candidate(EventType.PESTICIDE_USE, TODAY, use.details(), use);
        assertThatThrownBy(() -> rules.check(tomatoBatch(), tomato(), history(use, firstCorrection), again, TODAY))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        violation -> assertThat(violation.rule()).isEqualTo(Rule.INVALID_CORRECTION));
    }

    @Test
    void findsAnEarlyHarvestRevealedByALateEntry() {
        var stored = history(harvest(TODAY.minusDays(5), "1", QuantityUnit.KG), pesticideUse(TODAY.minusDays(8), 7));

        assertThat(rules.violationsIn(tomato(), stored))
                .extracting(RuleViolationException::rule)
                .containsExactly(Rule.HARVEST_INSIDE_SAFETY_INTERVAL);
    }

    private void check(List<ArchiveEntry> history, ArchiveEntry candidate) {
        rules.check(tomatoBatch(), tomato(), history, candidate(candidate), TODAY);
    }
}
