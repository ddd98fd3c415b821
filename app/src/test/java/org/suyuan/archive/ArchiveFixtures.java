package org.suyuan.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.suyuan.db.archive.Batch;
import org.suyuan.db.archive.EventType;
import org.suyuan.db.archive.Product;
import org.suyuan.db.archive.ProductCategory;

/** Batches and archive entries for rule tests, without a database. */
final class ArchiveFixtures {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

    private static long nextId = 1;

    private ArchiveFixtures() {}

    static Batch tomatoBatch() {
        return new Batch(1L, 1L, 1L, "B2026-001", TODAY.minusDays(90), Instant.parse("2026-04-01T00:00:00Z"));
    }

    static Product tomato() {
        return new Product(1L, "番茄", ProductCategory.VEGETABLE, "粉冠一号", null, Instant.parse("2026-01-01T00:00:00Z"));
    }

    static ArchiveEntry pesticideUse(LocalDate day, int safetyIntervalDays) {
        return entry(
                EventType.PESTICIDE_USE,
                day,
                new EventDetails.PesticideUse(
                        "10%苯醚甲环唑水分散粒剂", "PD20070155", "苯醚甲环唑", "60", "克/亩", "喷雾", safetyIntervalDays, "早疫病", null),
                null);
    }

    static ArchiveEntry harvest(LocalDate day, String amount, QuantityUnit unit) {
        return entry(EventType.HARVEST, day, new EventDetails.Harvest(Quantity.of(amount, unit), null), null);
    }

    static ArchiveEntry shipment(LocalDate day, String amount, QuantityUnit unit) {
        return entry(
                EventType.SHIPMENT,
                day,
                new EventDetails.Shipment("芜湖批发市场", null, null, Quantity.of(amount, unit), null),
                null);
    }

    static ArchiveEntry correcting(ArchiveEntry corrected, ArchiveEntry replacement) {
        return new ArchiveEntry(
                replacement.id(),
                replacement.sequenceNumber(),
                replacement.type(),
                replacement.occurredOn(),
                replacement.recordedAt(),
                replacement.recordedBy(),
                corrected.id(),
                replacement.details(),
                replacement.eventHash());
    }

    static ArchiveRules.Candidate candidate(ArchiveEntry entry) {
        return new ArchiveRules.Candidate(entry.type(), entry.occurredOn(), entry.details(), null);
    }

    static List<ArchiveEntry> history(ArchiveEntry... entries) {
        return List.of(entries);
    }

    private static ArchiveEntry entry(EventType type, LocalDate day, EventDetails details, Long supersedes) {
        long id = nextId++;
        return new ArchiveEntry(
                id,
                (int) id,
                type,
                day,
                Instant.parse("2026-06-30T00:00:00Z"),
                "farmer",
                supersedes,
                details,
                "h" + id);
    }
}
