package org.suyuan.portal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.suyuan.archive.ArchiveEntry;
import org.suyuan.archive.EventDetails;
import org.suyuan.archive.OrganizationService;
import org.suyuan.archive.QuantityUnit;
import org.suyuan.db.archive.Attachment;
import org.suyuan.db.archive.EventType;
import org.suyuan.problem.NotFoundException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A batch's archive in plain words, newest first, as the batch page shows it. */
@Component
class Timeline {

    private final PortalMessages messages;
    private final OrganizationService registry;
    private final JsonMapper json;

    Timeline(PortalMessages messages, OrganizationService registry, JsonMapper json) {
        this.messages = messages;
        this.registry = registry;
        this.json = json;
    }

    /** One line of an entry: what, and its value as the farmer would say it. */
    record Line(String label, String value, String link) {}

    /**
     * One archive entry.
     *
     * @param correctedBy the entry that corrects this one, if any: this one no longer counts
     * @param recordable whether a producer may repeat or correct it by hand
     */
    record Entry(
            Long id,
            int sequenceNumber,
            EventType type,
            String title,
            String occurredOn,
            String recordedAt,
            String recordedBy,
            Long supersedes,
            Long correctedBy,
            boolean recordable,
            List<Line> lines) {}

    List<Entry> of(Long batchId, List<ArchiveEntry> history, List<Attachment> attachments, Today today) {
        Map<Long, Long> correctedBy = new HashMap<>();
        history.stream()
                .filter(entry -> entry.supersedesEventId() != null)
                .forEach(entry -> correctedBy.put(entry.supersedesEventId(), entry.id()));
        Map<Long, Attachment> attachmentsById = new HashMap<>();
        attachments.forEach(attachment -> attachmentsById.put(attachment.getId(), attachment));
        List<Entry> entries = new ArrayList<>();
        for (int i = history.size() - 1; i >= 0; i--) {
            ArchiveEntry entry = history.get(i);
            entries.add(new Entry(
                    entry.id(),
                    entry.sequenceNumber(),
                    entry.type(),
                    messages.eventType(entry.type()),
                    entry.occurredOn().toString(),
                    today.local(entry.recordedAt()),
                    entry.recordedBy(),
                    entry.supersedesEventId(),
                    correctedBy.get(entry.id()),
                    EventFields.isRecordable(entry.type()),
                    lines(batchId, entry, attachmentsById)));
        }
        return entries;
    }

    private List<Line> lines(Long batchId, ArchiveEntry entry, Map<Long, Attachment> attachments) {
        List<Line> lines = new ArrayList<>();
        if (entry.details() instanceof EventDetails.Created created) {
            lines.add(new Line(
                    messages.get("batch.product"),
                    created.product().name() + "（" + created.product().variety() + "）",
                    null));
            lines.add(new Line(messages.get("batch.plot"), created.plot().name(), null));
            lines.add(new Line(
                    messages.get("batch.organization"), created.organization().name(), null));
            if (created.source() != null) {
                lines.add(source(created.source()));
            }
            addNotes(lines, created.notes());
            return lines;
        }
        if (entry.details() instanceof EventDetails.Receipt receipt) {
            if (receipt.source() != null) {
                lines.add(source(receipt.source()));
            }
            if (receipt.quantity() != null) {
                lines.add(new Line(messages.get("field.quantityAmount"), quantity(receipt.quantity()), null));
            }
            addNotes(lines, receipt.notes());
            return lines;
        }
        if (entry.details() instanceof EventDetails.RapidTest test) {
            // Recorded by a township station, not by hand: shown as the station stated it, never offered to correct.
            String unit = test.unit() == null ? "" : test.unit();
            lines.add(new Line(messages.get("rapidTest.station"), test.station(), null));
            lines.add(new Line(messages.get("rapidTest.item"), test.item(), null));
            lines.add(new Line(messages.get("rapidTest.method"), test.method(), null));
            lines.add(new Line(messages.get("rapidTest.value"), test.value() + unit, null));
            lines.add(new Line(messages.get("rapidTest.limit"), test.limit() + unit, null));
            lines.add(new Line(messages.get("field.result"), messages.get("inspection.result." + test.result()), null));
            lines.add(new Line(messages.get("rapidTest.sampler"), test.sampler(), null));
            if (test.photoAttachmentId() != null) {
                Attachment photo = attachments.get(test.photoAttachmentId());
                lines.add(new Line(
                        messages.get("station.photo"),
                        photo == null ? "#" + test.photoAttachmentId() : photo.getFilename(),
                        "/portal/batches/" + batchId + "/attachments/" + test.photoAttachmentId()));
            }
            addNotes(lines, test.notes());
            return lines;
        }
        JsonNode details = json.valueToTree(entry.details());
        Map<String, String> values = EventFields.toValues(entry.type(), details);
        for (EventField field : EventFields.of(entry.type())) {
            String value = values.get(field.name());
            if (value == null || value.isBlank() || field.name().equals("quantityUnit")) {
                continue;
            }
            String label = messages.label(entry.type(), field);
            switch (field.kind()) {
                case DECIMAL -> {
                    String unit = values.get("quantityUnit");
                    lines.add(new Line(
                            label,
                            unit == null ? value : value + " " + messages.unit(QuantityUnit.valueOf(unit)),
                            null));
                }
                case RESULT -> lines.add(new Line(label, messages.get("inspection.result." + value), null));
                case INTEGER -> lines.add(new Line(label, messages.get("unit.days", value), null));
                case ORGANIZATION -> lines.add(new Line(label, organizationName(value), null));
                case ATTACHMENT -> {
                    Attachment attachment = attachments.get(Long.valueOf(value));
                    lines.add(new Line(
                            label,
                            attachment == null ? "#" + value : attachment.getFilename(),
                            "/portal/batches/" + batchId + "/attachments/" + value));
                }
                default -> lines.add(new Line(label, value, null));
            }
        }
        if (entry.details() instanceof EventDetails.Inspection inspection && inspection.reportSha256() != null) {
            lines.add(new Line(
                    messages.get("inspection.reportHash"),
                    inspection.reportSha256().substring(0, 16) + "…",
                    null));
        }
        return lines;
    }

    private Line source(EventDetails.SourceSnapshot source) {
        return new Line(
                messages.get("batch.source"),
                messages.get("batch.source.value", source.organizationName(), source.batchNumber()),
                null);
    }

    private String quantity(org.suyuan.archive.Quantity quantity) {
        return quantity.amount().toPlainString() + " " + messages.unit(quantity.unit());
    }

    private String organizationName(String id) {
        try {
            return registry.organization(Long.valueOf(id)).getName();
        } catch (NotFoundException | NumberFormatException gone) {
            return "#" + id;
        }
    }

    private void addNotes(List<Line> lines, String notes) {
        if (notes != null && !notes.isBlank()) {
            lines.add(new Line(messages.get("field.notes"), notes, null));
        }
    }
}
