package org.suyuan.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.suyuan.archive.ArchiveEntry;
import org.suyuan.archive.EventDetails;
import org.suyuan.archive.Quantity;
import org.suyuan.archive.QuantityUnit;
import org.suyuan.db.archive.EventType;

/** Where the consumer's timeline marks what the integrity check found. */
class ConsumerTimelineTests {

    private static final LocalDate DAY = LocalDate.of(2026, 5, 1);

    private final ConsumerTimeline timeline = new ConsumerTimeline(messages());

    @Test
    void marksTheEditedEntryWhereItStands() {
        List<Trace.Step> steps = timeline.of(
                List.of(planting(1, 11L), irrigation(2, 12L), harvest(3, 13L, null)),
                List.of(new Finding(Finding.Kind.CHANGED, 2, "第 2 条记录的内容与记录时不一致：已被改动。")),
                Locale.SIMPLIFIED_CHINESE);

        assertThat(steps).extracting(Trace.Step::sequenceNumber).containsExactly(1, 2, 3);
        assertThat(steps).extracting(Trace.Step::finding).containsExactly(null, Finding.Kind.CHANGED, null);
    }

    @Test
    void aDeletedEntryStandsAsAMarkedGap() {
        List<Trace.Step> steps = timeline.of(
                List.of(planting(1, 11L), harvest(3, 13L, null)),
                List.of(new Finding(Finding.Kind.MISSING, 2, "第 2 条记录已不在档案中。")),
                Locale.SIMPLIFIED_CHINESE);

        assertThat(steps).extracting(Trace.Step::sequenceNumber).containsExactly(1, 2, 3);
        Trace.Step gap = steps.get(1);
        assertThat(gap.finding()).isEqualTo(Finding.Kind.MISSING);
        assertThat(gap.title()).isEqualTo("第 2 条记录");
        assertThat(gap.date()).isNull();
        assertThat(gap.facts()).isEmpty();
    }

    @Test
    void anEditedEntryACorrectionHidesIsShownMarked() {
        List<ArchiveEntry> history = new ArrayList<>(List.of(planting(1, 11L), harvest(2, 12L, null)));
        history.add(harvest(3, 13L, 12L));

        List<Trace.Step> clean = timeline.of(history, List.of(), Locale.SIMPLIFIED_CHINESE);
        List<Trace.Step> tampered = timeline.of(
                history,
                List.of(new Finding(Finding.Kind.CHANGED, 2, "第 2 条记录的内容与记录时不一致：已被改动。")),
                Locale.SIMPLIFIED_CHINESE);

        assertThat(clean).extracting(Trace.Step::sequenceNumber).containsExactly(1, 3);
        assertThat(tampered).extracting(Trace.Step::sequenceNumber).containsExactly(1, 2, 3);
        assertThat(tampered.get(1).finding()).isEqualTo(Finding.Kind.CHANGED);
    }

    private static ArchiveEntry planting(int number, long id) {
        return entry(number, id, EventType.PLANTING, null, new EventDetails.Planting("定植", null, null, null, null));
    }

    private static ArchiveEntry irrigation(int number, long id) {
        return entry(number, id, EventType.IRRIGATION, null, new EventDetails.Irrigation("滴灌", null, null, null));
    }

    private static ArchiveEntry harvest(int number, long id, Long corrects) {
        return entry(
                number,
                id,
                EventType.HARVEST,
                corrects,
                new EventDetails.Harvest(Quantity.of("800", QuantityUnit.KG), null));
    }

    private static ArchiveEntry entry(int number, long id, EventType type, Long corrects, EventDetails details) {
        return new ArchiveEntry(
                id, number, type, DAY.plusDays(number), Instant.EPOCH, "farmer", corrects, details, "0".repeat(64));
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
