package org.suyuan.exchange;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.suyuan.SuyuanProperties;
import org.suyuan.archive.ArchiveEntry;
import org.suyuan.archive.EventDetails;
import org.suyuan.archive.Quantity;
import org.suyuan.db.archive.BatchLink;
import org.suyuan.exchange.BatchFacts.BatchRef;
import org.suyuan.qr.DigitalLink;
import org.suyuan.qr.Gtin;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A batch's archive as EPCIS 2.0 events (JSON-LD): farm work as ObjectEvents, packing as an AggregationEvent,
 * processing and the re-labelling of received goods as TransformationEvents, sales and receipts as shipping and
 * receiving with the parties in source and destination lists. Each event carries its CBV 2.0 event hash as
 * {@code eventID} and our own record hash as {@code suyuan:recordHash}, so a receiver can check the export against
 * the anchored archive.
 *
 * <p>Identifiers: every event names the batch by its trace URL ({@code {base}/t/{code}}), an instance-level URI
 * that the batch keeps through its life; when the product has a GTIN and the event has an amount, the batch's GTIN
 * and lot also appear as a class (GS1 Digital Link {@code {base}/01/{gtin}/10/{lot}}) with quantity and UN/ECE
 * Rec 20 unit. An organization with a GS1 GLN is named by it, as a Digital Link on {@code id.gs1.org}: its location
 * ({@code bizLocation}) by {@code /414/{gln}} (SGLN), its role as a party by {@code /417/{gln}} (PGLN); without one,
 * by a URI on the service ({@code {base}/org/{id}}). The read point is the plot ({@code .../plot/{id}}), finer than
 * any GLN the organization holds. Business steps are CBV 2.0 values where CBV defines one, else
 * URIs in our namespace ({@link #namespace()}), which the EPCIS standard allows for user vocabulary.
 */
@Component
class EpcisEvents {

    static final String EPCIS_CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";
    static final String PREFIX = "suyuan";
    private static final String GS1_DOMAIN = "https://id.gs1.org";

    /** Our business steps where CBV 2.0 has none (it has no planting, harvesting or spraying). */
    enum OwnStep {
        PLANTING("planting"),
        FERTILISING("fertilising"),
        PESTICIDE_APPLICATION("pesticide_application"),
        IRRIGATING("irrigating"),
        HARVESTING("harvesting"),
        RECALLING("recalling");

        private final String term;

        OwnStep(String term) {
            this.term = term;
        }

        String term() {
            return term;
        }
    }

    private final String base;
    private final String namespace;
    private final ZoneId zone;
    private final JsonMapper json;
    private final EventHash hash;

    EpcisEvents(SuyuanProperties properties, JsonMapper json) {
        String configured = properties.publicBaseUrl().toString();
        this.base = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        this.namespace = base + "/ns/epcis/";
        this.zone = properties.timeZone();
        this.json = json;
        this.hash = new EventHash(Map.of(PREFIX, namespace));
    }

    /** The namespace of our own vocabulary and extension fields, bound to the prefix {@code suyuan}. */
    String namespace() {
        return namespace;
    }

    /** The document's {@code @context}: the EPCIS 2.0 context and our prefix. */
    ArrayNode context() {
        ArrayNode context = json.createArrayNode();
        context.add(EPCIS_CONTEXT);
        context.addObject().put(PREFIX, namespace);
        return context;
    }

    /** The events of one batch, in archive order. */
    List<ObjectNode> events(BatchFacts facts) {
        List<ObjectNode> events = new ArrayList<>(facts.history().size());
        Map<Long, String> eventIds = new HashMap<>();
        for (ArchiveEntry entry : facts.history()) {
            ObjectNode body = body(facts, entry);
            if (entry.supersedesEventId() != null && eventIds.containsKey(entry.supersedesEventId())) {
                body.put(PREFIX + ":supersedes", eventIds.get(entry.supersedesEventId()));
            }
            String eventId = hash.id(body);
            eventIds.put(entry.id(), eventId);
            ObjectNode event = json.createObjectNode();
            event.put("type", body.get("type").asString());
            event.put("eventID", eventId);
            body.properties().forEach(field -> {
                if (!field.getKey().equals("type")) {
                    event.set(field.getKey(), field.getValue());
                }
            });
            events.add(event);
        }
        return events;
    }

    /** The event's content without its id, which is the hash of this content. */
    private ObjectNode body(BatchFacts facts, ArchiveEntry entry) {
        BatchRef own = facts.batch();
        ObjectNode event = json.createObjectNode();
        EventDetails details = entry.details();
        if (details instanceof EventDetails.Created created && created.source() != null) {
            // Goods received from another organization get this batch's own code: a re-identification.
            event.put("type", "TransformationEvent");
            when(event, entry);
            BatchRef source = facts.relatedBatch(created.source().batchId()).orElse(null);
            event.putArray("inputEPCList").add(source == null ? epc(own) : epc(source));
            event.putArray("outputEPCList").add(epc(own));
            event.put("bizStep", "commissioning");
            event.put("disposition", "active");
            where(event, facts, true);
            ilmd(event, facts);
        } else if (details instanceof EventDetails.Created) {
            event.put("type", "ObjectEvent");
            when(event, entry);
            event.putArray("epcList").add(epc(own));
            event.put("action", "ADD");
            event.put("bizStep", "commissioning");
            event.put("disposition", "active");
            where(event, facts, true);
            ilmd(event, facts);
        } else if (details instanceof EventDetails.Planting) {
            observe(event, facts, entry, own(OwnStep.PLANTING), null, null);
        } else if (details instanceof EventDetails.Fertilising) {
            observe(event, facts, entry, own(OwnStep.FERTILISING), null, null);
        } else if (details instanceof EventDetails.PesticideUse) {
            observe(event, facts, entry, own(OwnStep.PESTICIDE_APPLICATION), null, null);
        } else if (details instanceof EventDetails.Irrigation) {
            observe(event, facts, entry, own(OwnStep.IRRIGATING), null, null);
        } else if (details instanceof EventDetails.Harvest harvest) {
            observe(event, facts, entry, own(OwnStep.HARVESTING), null, harvest.quantity());
        } else if (details instanceof EventDetails.Inspection inspection) {
            observe(
                    event,
                    facts,
                    entry,
                    "inspecting",
                    inspection.result() == EventDetails.InspectionResult.FAIL ? "non_conformant" : "conformant",
                    null);
        } else if (details instanceof EventDetails.RapidTest test) {
            observe(event, facts, entry, "inspecting", test.failed() ? "non_conformant" : "conformant", null);
        } else if (details instanceof EventDetails.Packing packing) {
            // Suyuan records no container ids (SSCC); the parent names the packed lot in our namespace.
            event.put("type", "AggregationEvent");
            when(event, entry);
            event.put("parentID", namespace + "package/" + entry.id());
            event.putArray("childEPCs").add(epc(own));
            ObjectNode amount = quantityElement(own, packing.quantity());
            if (amount != null) {
                event.putArray("childQuantityList").add(amount);
            }
            event.put("action", "ADD");
            event.put("bizStep", "packing");
            where(event, facts, true);
        } else if (details instanceof EventDetails.Shipment shipment) {
            observe(event, facts, entry, "shipping", "in_transit", shipment.quantity());
            event.remove("bizLocation");
            event.putArray("sourceList").add(party(facts, "source", own.organizationId()));
            if (shipment.buyerOrganizationId() != null) {
                event.putArray("destinationList").add(party(facts, "destination", shipment.buyerOrganizationId()));
            }
        } else if (details instanceof EventDetails.Receipt receipt) {
            // What came in is the seller's batch, named as the seller's shipping event named it.
            BatchRef source = receipt.source() == null
                    ? null
                    : facts.relatedBatch(receipt.source().batchId()).orElse(null);
            BatchRef received = source == null ? own : source;
            event.put("type", "ObjectEvent");
            when(event, entry);
            event.putArray("epcList").add(epc(received));
            ObjectNode amount = quantityElement(received, receipt.quantity());
            if (amount != null) {
                event.putArray("quantityList").add(amount);
            }
            event.put("action", "OBSERVE");
            event.put("bizStep", "receiving");
            event.put("disposition", "in_progress");
            where(event, facts, true);
            if (receipt.source() != null && receipt.source().organizationId() != null) {
                event.putArray("sourceList")
                        .add(party(facts, "source", receipt.source().organizationId()));
            }
            event.putArray("destinationList").add(party(facts, "destination", own.organizationId()));
        } else if (details instanceof EventDetails.Processing processing) {
            event.put("type", "TransformationEvent");
            when(event, entry);
            ArrayNode inputs = json.createArrayNode();
            ArrayNode inputQuantities = json.createArrayNode();
            for (BatchLink link : facts.incoming()) {
                if (link.getKind() == BatchLink.Kind.PROCESSING && entry.id().equals(link.getSourceEventId())) {
                    BatchRef input = facts.relatedBatch(link.getSourceBatchId()).orElse(null);
                    if (input != null) {
                        inputs.add(epc(input));
                        ObjectNode amount = link.getQuantityAmount() == null
                                ? null
                                : quantityElement(
                                        input,
                                        new Quantity(
                                                link.getQuantityAmount(),
                                                org.suyuan.archive.QuantityUnit.valueOf(link.getQuantityUnit())));
                        if (amount != null) {
                            inputQuantities.add(amount);
                        }
                    }
                }
            }
            if (!inputs.isEmpty()) {
                event.set("inputEPCList", inputs);
            }
            if (!inputQuantities.isEmpty()) {
                event.set("inputQuantityList", inputQuantities);
            }
            event.putArray("outputEPCList").add(epc(own));
            ObjectNode output = quantityElement(own, processing.output());
            if (output != null) {
                event.putArray("outputQuantityList").add(output);
            }
            event.put("transformationID", namespace + "transformation/" + entry.id());
            event.put("bizStep", "commissioning");
            event.put("disposition", "active");
            where(event, facts, true);
        } else {
            observe(event, facts, entry, own(OwnStep.RECALLING), "recalled", null);
        }
        event.put(PREFIX + ":recordType", entry.type().name());
        event.put(PREFIX + ":recordHash", entry.eventHash());
        return event;
    }

    private void observe(
            ObjectNode event,
            BatchFacts facts,
            ArchiveEntry entry,
            String bizStep,
            String disposition,
            Quantity amount) {
        event.put("type", "ObjectEvent");
        when(event, entry);
        event.putArray("epcList").add(epc(facts.batch()));
        ObjectNode element = quantityElement(facts.batch(), amount);
        if (element != null) {
            event.putArray("quantityList").add(element);
        }
        event.put("action", "OBSERVE");
        event.put("bizStep", bizStep);
        if (disposition != null) {
            event.put("disposition", disposition);
        }
        where(event, facts, true);
    }

    /**
     * The day the farmer recorded, as the start of that day where the farm is: Suyuan keeps the date of work, not
     * the hour. The record time is when the service stored it.
     */
    private void when(ObjectNode event, ArchiveEntry entry) {
        event.put("eventTime", startOfDay(entry.occurredOn()));
        event.put(
                "eventTimeZoneOffset",
                zone.getRules()
                        .getOffset(entry.occurredOn().atStartOfDay(zone).toInstant())
                        .getId()
                        .replace("Z", "+00:00"));
        event.put(
                "recordTime",
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        entry.recordedAt().atZone(zone).toOffsetDateTime()));
    }

    private String startOfDay(LocalDate day) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                day.atStartOfDay(zone).toOffsetDateTime());
    }

    private void where(ObjectNode event, BatchFacts facts, boolean withBusinessLocation) {
        event.putObject("readPoint").put("id", plotUri(facts.batch().organizationId(), facts.plotId()));
        if (withBusinessLocation) {
            long organization = facts.batch().organizationId();
            event.putObject("bizLocation")
                    .put(
                            "id",
                            facts.glnOf(organization)
                                    .map(gln -> GS1_DOMAIN + "/414/" + gln)
                                    .orElseGet(() -> organizationUri(organization)));
        }
    }

    private void ilmd(ObjectNode event, BatchFacts facts) {
        BatchRef own = facts.batch();
        ObjectNode ilmd = event.putObject("ilmd");
        ilmd.put(PREFIX + ":batchNumber", own.batchNumber());
        ilmd.put(PREFIX + ":productName", own.productName());
        ilmd.put(PREFIX + ":productCategory", own.productCategory());
        if (own.productVariety() != null) {
            ilmd.put(PREFIX + ":variety", own.productVariety());
        }
    }

    private ObjectNode party(BatchFacts facts, String role, long organizationId) {
        ObjectNode party = json.createObjectNode();
        party.put("type", "owning_party");
        party.put(
                role,
                facts.glnOf(organizationId)
                        .map(gln -> GS1_DOMAIN + "/417/" + gln)
                        .orElseGet(() -> organizationUri(organizationId)));
        return party;
    }

    private String own(OwnStep step) {
        return namespace + "BizStep-" + step.term();
    }

    /** The batch's instance identifier: its trace URL. */
    String epc(BatchRef batch) {
        return batch.traceCode() == null ? namespace + "batch/" + batch.batchId() : base + "/t/" + batch.traceCode();
    }

    /** The batch's GTIN and lot as a GS1 Digital Link class, or null without a (valid) GTIN. */
    String epcClass(BatchRef batch) {
        if (batch.gtin() == null) {
            return null;
        }
        try {
            return base
                    + DigitalLink.forBatch(Gtin.parse(batch.gtin()), batch.batchNumber())
                            .path();
        } catch (IllegalArgumentException notRepresentable) {
            return null;
        }
    }

    private ObjectNode quantityElement(BatchRef batch, Quantity quantity) {
        String epcClass = epcClass(batch);
        if (epcClass == null || quantity == null || quantity.amount() == null || quantity.unit() == null) {
            return null;
        }
        ObjectNode element = json.createObjectNode();
        element.put("epcClass", epcClass);
        UnitOfMeasure measure = UnitOfMeasure.of(quantity);
        element.put("quantity", measure.amount());
        element.put("uom", measure.code());
        return element;
    }

    String organizationUri(long organizationId) {
        return base + "/org/" + organizationId;
    }

    private String plotUri(long organizationId, long plotId) {
        return organizationUri(organizationId) + "/plot/" + plotId;
    }

    /** A quantity in a UN/ECE Recommendation 20 unit: 斤 has none, so it is given in kilograms. */
    record UnitOfMeasure(BigDecimal amount, String code) {

        static UnitOfMeasure of(Quantity quantity) {
            BigDecimal amount = quantity.amount();
            return switch (quantity.unit()) {
                case KG -> new UnitOfMeasure(amount, "KGM");
                case JIN -> new UnitOfMeasure(plain(amount.divide(BigDecimal.valueOf(2))), "KGM");
                case G -> new UnitOfMeasure(amount, "GRM");
                case TON -> new UnitOfMeasure(amount, "TNE");
                case BOX -> new UnitOfMeasure(amount, "BX");
                case BAG -> new UnitOfMeasure(amount, "BG");
                case PIECE, HEAD -> new UnitOfMeasure(amount, "H87");
            };
        }

        private static BigDecimal plain(BigDecimal value) {
            return new BigDecimal(value.stripTrailingZeros().toPlainString());
        }
    }
}
