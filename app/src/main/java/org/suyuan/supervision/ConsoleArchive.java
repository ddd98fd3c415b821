package org.suyuan.supervision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.suyuan.anchoring.AnchoringService;
import org.suyuan.anchoring.EventAnchoring;
import org.suyuan.archive.ArchiveEntry;
import org.suyuan.archive.EventDetails;
import org.suyuan.archive.Quantity;
import org.suyuan.db.archive.EventType;

/**
 * A batch's archive as an inspector who must defend a recall reads it: every entry with what it says (dose,
 * pesticide and registration number, quantity and unit, method, test result...), who recorded it and when, whether a
 * correction replaced it, and where it stands with the ledger (the transaction and block that anchor it, or since
 * when it waits).
 */
@Component
class ConsoleArchive {

    private final AnchoringService anchoring;
    private final MessageSource messages;

    ConsoleArchive(AnchoringService anchoring, MessageSource messages) {
        this.anchoring = anchoring;
        this.messages = messages;
    }

    /** One line of an entry: what, and its value in words. */
    record Fact(String label, String value) {}

    /**
     * Where an entry stands with the ledger.
     *
     * @param state {@code ANCHORED}, {@code PENDING}, or {@code NONE} when no anchoring was ever recorded for it
     */
    record LedgerState(String state, String transactionId, Long blockNumber, Instant anchoredAt, Instant pendingSince) {

        static LedgerState of(EventAnchoring anchoring) {
            if (anchoring instanceof EventAnchoring.Anchored anchored) {
                return new LedgerState(
                        "ANCHORED", anchored.transactionId(), anchored.blockNumber(), anchored.anchoredAt(), null);
            }
            if (anchoring instanceof EventAnchoring.Pending pending) {
                return new LedgerState("PENDING", null, null, null, pending.pendingSince());
            }
            return new LedgerState("NONE", null, null, null, null);
        }
    }

    /**
     * One entry of the archive.
     *
     * @param correctedBy the sequence number of the entry that corrects this one, or null while it is in force
     * @param corrects the sequence number of the entry this one corrects, or null
     */
    record Entry(
            Long id,
            int sequenceNumber,
            EventType type,
            String occurredOn,
            String recordedBy,
            Instant recordedAt,
            Integer corrects,
            Integer correctedBy,
            List<Fact> facts,
            LedgerState ledger,
            String eventHash) {}

    /** The entries of a batch, oldest first, as recorded. */
    List<Entry> entries(long batchId, List<ArchiveEntry> history) {
        Map<Long, EventAnchoring> anchorings = anchoring.anchoringsOfBatch(batchId);
        Map<Long, Integer> sequenceById = new HashMap<>();
        Map<Long, Integer> correctedBy = new HashMap<>();
        history.forEach(entry -> sequenceById.put(entry.id(), entry.sequenceNumber()));
        history.stream()
                .filter(entry -> entry.supersedesEventId() != null)
                .forEach(entry -> correctedBy.put(entry.supersedesEventId(), entry.sequenceNumber()));
        List<Entry> entries = new ArrayList<>();
        for (ArchiveEntry entry : history) {
            entries.add(new Entry(
                    entry.id(),
                    entry.sequenceNumber(),
                    entry.type(),
                    entry.occurredOn().toString(),
                    entry.recordedBy(),
                    entry.recordedAt(),
                    entry.supersedesEventId() == null ? null : sequenceById.get(entry.supersedesEventId()),
                    correctedBy.get(entry.id()),
                    facts(entry.details()),
                    LedgerState.of(anchorings.get(entry.id())),
                    entry.eventHash()));
        }
        return entries;
    }

    private List<Fact> facts(EventDetails details) {
        Facts facts = new Facts();
        if (details instanceof EventDetails.Created created) {
            facts.add(
                    "batch.product",
                    created.product().name() + "（" + created.product().variety() + "）");
            facts.add("batch.plot", created.plot().name());
            facts.add("batch.organization", created.organization().name());
            facts.source(created.source());
        } else if (details instanceof EventDetails.Planting planting) {
            facts.add("field.PLANTING.method", planting.method());
            facts.add("field.seedVariety", planting.seedVariety());
            facts.add("field.seedSource", planting.seedSource());
            facts.add("field.PLANTING.quantityAmount", quantity(planting.quantity()));
        } else if (details instanceof EventDetails.Fertilising fertilising) {
            facts.add("field.fertiliserName", fertilising.fertiliserName());
            facts.add("field.FERTILISING.registrationNumber", fertilising.registrationNumber());
            facts.add("field.fertiliserType", fertilising.fertiliserType());
            facts.add("field.FERTILISING.quantityAmount", quantity(fertilising.amount()));
            facts.add("field.FERTILISING.method", fertilising.method());
        } else if (details instanceof EventDetails.PesticideUse pesticide) {
            facts.add("field.productName", pesticide.productName());
            facts.add("field.PESTICIDE_USE.registrationNumber", pesticide.registrationNumber());
            facts.add("field.activeIngredient", pesticide.activeIngredient());
            facts.add("field.dose", pesticide.dose() + " " + pesticide.doseUnit());
            facts.add("field.PESTICIDE_USE.method", pesticide.method());
            facts.add(
                    "field.safetyIntervalDays",
                    pesticide.safetyIntervalDays() == null ? null : text("unit.days", pesticide.safetyIntervalDays()));
            facts.add("field.target", pesticide.target());
        } else if (details instanceof EventDetails.Irrigation irrigation) {
            facts.add("field.IRRIGATION.method", irrigation.method());
            facts.add("field.waterSource", irrigation.waterSource());
            facts.add("field.waterAmount", irrigation.amount());
        } else if (details instanceof EventDetails.Harvest harvest) {
            facts.add("field.quantityAmount", quantity(harvest.quantity()));
        } else if (details instanceof EventDetails.Inspection inspection) {
            facts.add("field.agency", inspection.agency());
            facts.add("field.INSPECTION.method", inspection.method());
            facts.add("field.items", inspection.items() == null ? null : String.join("、", inspection.items()));
            facts.add(
                    "field.result",
                    inspection.result() == null ? null : text("inspection.result." + inspection.result()));
            facts.add("inspection.reportHash", inspection.reportSha256());
        } else if (details instanceof EventDetails.Packing packing) {
            facts.add("field.packageType", packing.packageType());
            facts.add("field.quantityAmount", quantity(packing.quantity()));
        } else if (details instanceof EventDetails.Shipment shipment) {
            facts.add("field.buyerName", shipment.buyerName());
            facts.add("field.buyerContact", shipment.buyerContact());
            facts.add("field.quantityAmount", quantity(shipment.quantity()));
        } else if (details instanceof EventDetails.Processing processing) {
            facts.add("field.PROCESSING.method", processing.method());
            if (processing.inputs() != null && !processing.inputs().isEmpty()) {
                facts.add(
                        "field.inputBatchNumbers",
                        String.join(
                                "、",
                                processing.inputs().stream()
                                        .map(input -> input.quantity() == null
                                                ? input.batchNumber()
                                                : input.batchNumber() + "（" + quantity(input.quantity()) + "）")
                                        .toList()));
            }
            facts.add("field.PROCESSING.quantityAmount", quantity(processing.output()));
        } else if (details instanceof EventDetails.Receipt receipt) {
            facts.source(receipt.source());
            facts.add("field.quantityAmount", quantity(receipt.quantity()));
        } else if (details instanceof EventDetails.RapidTest test) {
            facts.add("rapidTest.station", test.station());
            facts.add("rapidTest.item", test.item());
            facts.add("rapidTest.method", test.method());
            facts.add("rapidTest.value", test.value() + (test.unit() == null ? "" : test.unit()));
            facts.add("rapidTest.limit", test.limit() + (test.unit() == null ? "" : test.unit()));
            facts.add("field.result", test.result() == null ? null : text("inspection.result." + test.result()));
            facts.add("rapidTest.sampler", test.sampler());
            facts.add("rapidTest.samplePlace", test.samplePlace());
            facts.add("rapidTest.photoHash", test.photoSha256());
        } else if (details instanceof EventDetails.Recall recall) {
            facts.add("field.reason", recall.reason());
            facts.add("field.instructions", recall.instructions());
        }
        facts.add("field.notes", details.notes());
        return facts.list;
    }

    private String quantity(Quantity quantity) {
        return quantity == null ? null : quantity.amount().toPlainString() + " " + text("unit." + quantity.unit());
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    /** The facts of one entry, leaving out what was not recorded. */
    private final class Facts {

        private final List<Fact> list = new ArrayList<>();

        void add(String labelKey, String value) {
            if (value != null && !value.isBlank()) {
                list.add(new Fact(text(labelKey), value));
            }
        }

        void source(EventDetails.SourceSnapshot source) {
            if (source != null) {
                add("batch.source", text("batch.source.value", source.organizationName(), source.batchNumber()));
            }
        }
    }
}
