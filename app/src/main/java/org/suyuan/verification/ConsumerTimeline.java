package org.suyuan.verification;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.suyuan.archive.ArchiveEntry;
import org.suyuan.archive.EventDetails;
import org.suyuan.archive.Quantity;

/**
 * A batch's archive as a consumer reads it: what was done and when, in plain words. Who typed it in, internal
 * ids and buyers' contacts stay out; corrected entries show as corrected.
 *
 * <p>An entry the integrity check found wrong is marked where it stands, so the reader sees which one "第 3 条"
 * is: an edited or reordered entry carries its finding, even when a correction would otherwise hide it; an entry
 * that was deleted, or edited past reading, stands as a marked gap.
 */
@Component
class ConsumerTimeline {

    private final MessageSource messages;

    ConsumerTimeline(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * @param history the readable entries in recording order, corrections included
     * @param findings what the integrity check found; those naming an entry mark it
     */
    List<Trace.Step> of(List<ArchiveEntry> history, List<Finding> findings, Locale locale) {
        Set<Long> superseded = new HashSet<>();
        history.stream()
                .filter(entry -> entry.supersedesEventId() != null)
                .forEach(entry -> superseded.add(entry.supersedesEventId()));
        Map<Integer, Finding.Kind> flagged = new TreeMap<>();
        findings.stream()
                .filter(finding -> finding.sequenceNumber() != null)
                .forEach(finding -> flagged.putIfAbsent(finding.sequenceNumber(), finding.kind()));
        List<Trace.Step> steps = new ArrayList<>();
        Set<Integer> shown = new HashSet<>();
        for (ArchiveEntry entry : history) {
            Finding.Kind finding = flagged.get(entry.sequenceNumber());
            shown.add(entry.sequenceNumber());
            if (superseded.contains(entry.id()) && finding == null) {
                continue;
            }
            Facts facts = new Facts(locale);
            describe(entry.details(), entry, facts);
            steps.add(new Trace.Step(
                    entry.occurredOn(),
                    entry.type().name(),
                    message("event.type." + entry.type().name(), locale),
                    facts.list,
                    entry.sequenceNumber(),
                    finding));
        }
        flagged.forEach((number, finding) -> {
            if (!shown.contains(number)) {
                steps.add(new Trace.Step(
                        null, null, message("trace.step.gone", locale, number), List.of(), number, finding));
            }
        });
        steps.sort(Comparator.comparingInt(Trace.Step::sequenceNumber));
        return steps;
    }

    private void describe(EventDetails details, ArchiveEntry entry, Facts facts) {
        if (details instanceof EventDetails.Created created) {
            facts.add("trace.fact.startedOn", created.startedOn());
        } else if (details instanceof EventDetails.Planting planting) {
            facts.add("trace.fact.method", planting.method());
            facts.add("trace.fact.seedVariety", planting.seedVariety());
        } else if (details instanceof EventDetails.Fertilising fertilising) {
            facts.add("trace.fact.fertiliser", fertilising.fertiliserName());
            facts.add("trace.fact.amount", text(fertilising.amount()));
        } else if (details instanceof EventDetails.PesticideUse use) {
            facts.add("trace.fact.pesticide", use.productName());
            facts.add("trace.fact.activeIngredient", use.activeIngredient());
            facts.add("trace.fact.registration", use.registrationNumber());
            facts.add("trace.fact.dose", use.dose() + " " + use.doseUnit());
            facts.add(
                    "trace.fact.safetyInterval",
                    facts.message(
                            "trace.fact.safetyInterval.value",
                            use.safetyIntervalDays(),
                            entry.occurredOn()
                                    .plusDays(use.safetyIntervalDays())
                                    .toString()));
        } else if (details instanceof EventDetails.Irrigation irrigation) {
            facts.add("trace.fact.method", irrigation.method());
        } else if (details instanceof EventDetails.Harvest harvest) {
            facts.add("trace.fact.quantity", text(harvest.quantity()));
        } else if (details instanceof EventDetails.Inspection inspection) {
            facts.add("trace.fact.agency", inspection.agency());
            facts.add("trace.fact.method", inspection.method());
            facts.add("trace.fact.items", String.join("、", inspection.items()));
            facts.add(
                    "trace.fact.result",
                    facts.message("trace.fact.result." + inspection.result().name()));
        } else if (details instanceof EventDetails.Packing packing) {
            facts.add("trace.fact.package", packing.packageType());
            facts.add("trace.fact.quantity", text(packing.quantity()));
        } else if (details instanceof EventDetails.Shipment shipment) {
            facts.add("trace.fact.quantity", text(shipment.quantity()));
        } else if (details instanceof EventDetails.Processing processing) {
            facts.add("trace.fact.method", processing.method());
            facts.add("trace.fact.output", text(processing.output()));
        } else if (details instanceof EventDetails.Receipt receipt) {
            if (receipt.source() != null) {
                facts.add("trace.fact.source", receipt.source().organizationName());
            }
            facts.add("trace.fact.quantity", text(receipt.quantity()));
        } else if (details instanceof EventDetails.RapidTest test) {
            String unit = test.unit() == null ? "" : test.unit();
            facts.add("trace.fact.station", test.station());
            facts.add("trace.fact.items", test.item());
            facts.add("trace.fact.method", test.method());
            facts.add(
                    "trace.fact.reading",
                    facts.message("trace.rapidTest.reading", test.value() + unit, test.limit() + unit));
            facts.add(
                    "trace.fact.result",
                    facts.message("trace.fact.result." + test.result().name()));
        } else if (details instanceof EventDetails.Recall recall) {
            facts.add("trace.fact.reason", recall.reason());
        }
    }

    private static String text(Quantity quantity) {
        return quantity == null ? null : quantity.toString();
    }

    private String message(String key, Locale locale, Object... arguments) {
        if (arguments.length == 0) {
            return messages.getMessage(key, null, key, locale);
        }
        // A MessageFormat of its own: the message source formats with one shared, synchronized instance per message,
        // and every scan of a batch with a pesticide use formats the same one.
        String pattern = messages.getMessage(key, null, null, locale);
        return pattern == null ? key : new MessageFormat(pattern, locale).format(arguments);
    }

    /** The facts of one step; blank values are left out. */
    private final class Facts {

        private final Locale locale;
        private final List<Trace.Fact> list = new ArrayList<>();

        Facts(Locale locale) {
            this.locale = locale;
        }

        void add(String labelKey, String value) {
            if (value != null && !value.isBlank()) {
                list.add(new Trace.Fact(message(labelKey, locale), value));
            }
        }

        String message(String key, Object... arguments) {
            return ConsumerTimeline.this.message(key, locale, arguments);
        }
    }
}
