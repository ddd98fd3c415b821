package org.suyuan.exchange;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.suyuan.account.CurrentUser;
import org.suyuan.archive.BatchService;
import org.suyuan.archive.Quantity;
import org.suyuan.archive.SupplyChainService;
import org.suyuan.code.CodeService;
import org.suyuan.db.archive.Batch;
import org.suyuan.db.archive.BatchLink;
import org.suyuan.db.archive.BatchLinkRepository;
import org.suyuan.db.code.IssuedCode;
import org.suyuan.problem.ProblemException;
import org.suyuan.problem.ValidationFailedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An integrator's EPCIS 2.0 document taken in as receipts (收货): a market's or supermarket's receiving events for
 * goods a Suyuan producer shipped to it. The document must be valid against GS1's EPCIS 2.0 JSON schema (the copy
 * in {@code epcis/}, see its README); then every receiving event ({@code bizStep} receiving) must name a batch on
 * Suyuan by its trace URL or GS1 Digital Link, the receiver must be the importing organization, and a shipment of
 * that batch to it must be waiting, in the quantity received. Each such event confirms the shipment as the
 * receipts page does, opening the receiver's own batch linked to its source. A receiving event Suyuan already holds
 * (the same CBV event hash as our own export of that receipt) is recognised, not recorded twice, so that an export
 * round-trips. Events of other business steps are not receipts and are listed as skipped.
 *
 * <p>All or none: one refused event refuses the document, naming the event by its index.
 */
@Component
class EpcisImport {

    /** More events than a market's day of deliveries is a batch job, not a request. */
    static final int MAX_EVENTS = 1000;

    private static final Schema SCHEMA = loadSchema();

    private final CodeService codes;
    private final SupplyChainService supplyChain;
    private final BatchLinkRepository links;
    private final ExchangeBatches batches;
    private final EpcisEvents events;
    private final TransactionTemplate transactions;
    private final JsonMapper json;

    EpcisImport(
            CodeService codes,
            SupplyChainService supplyChain,
            BatchLinkRepository links,
            ExchangeBatches batches,
            EpcisEvents events,
            PlatformTransactionManager transactionManager,
            JsonMapper json) {
        this.codes = codes;
        this.supplyChain = supplyChain;
        this.links = links;
        this.batches = batches;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.json = json;
    }

    /** What became of one event of the document. */
    enum Outcome {
        /** A receipt was recorded now: the receiver's batch was opened. */
        RECEIVED,
        /** Suyuan already holds this receipt (its event hash matches our own record). */
        ALREADY_RECORDED,
        /** Not a receiving event: nothing to take in. */
        SKIPPED
    }

    /**
     * @param batchId the receiver's batch the goods are in (null for a skipped event)
     * @param sourceBatchNumber the shipped batch, as its producer numbers it
     */
    record ImportedEvent(
            int index,
            String eventID,
            String bizStep,
            Outcome outcome,
            Long batchId,
            String batchNumber,
            String sourceBatchNumber) {}

    record ImportResult(int events, int received, int alreadyRecorded, int skipped, List<ImportedEvent> results) {}

    ImportResult importDocument(CurrentUser receiver, String document) {
        Long organizationId = receiver.requireOrganization();
        JsonNode root = parse(document);
        List<String> violations = SCHEMA.validate(document, InputFormat.JSON).stream()
                .map(Error::toString)
                .limit(20)
                .toList();
        if (!violations.isEmpty()) {
            throw ExchangeException.invalidEpcis(violations);
        }
        JsonNode eventList = root.path("epcisBody").path("eventList");
        if (!"EPCISDocument".equals(root.path("type").asString("")) || !eventList.isArray() || eventList.isEmpty()) {
            throw ExchangeException.invalidEpcis(
                    List.of("需要一个 EPCISDocument，且 epcisBody.eventList 中至少有一个事件（EPCIS 查询结果文档不能导入）"));
        }
        if (eventList.size() > MAX_EVENTS) {
            throw ExchangeException.invalidEpcis(List.of("一个文档最多 " + MAX_EVENTS + " 个事件，请分批导入"));
        }
        return transactions.execute(status -> {
            List<ImportedEvent> results = new ArrayList<>(eventList.size());
            for (int index = 0; index < eventList.size(); index++) {
                try {
                    results.add(importEvent(receiver, organizationId, index, eventList.get(index)));
                } catch (ProblemException refused) {
                    throw rejected(index, refused);
                }
            }
            return new ImportResult(
                    results.size(),
                    count(results, Outcome.RECEIVED),
                    count(results, Outcome.ALREADY_RECORDED),
                    count(results, Outcome.SKIPPED),
                    results);
        });
    }

    private ImportedEvent importEvent(CurrentUser receiver, Long organizationId, int index, JsonNode event) {
        String eventId = event.path("eventID").asString(null);
        String bizStep = bizStep(event.path("bizStep").asString(""));
        if (!"ObjectEvent".equals(event.path("type").asString("")) || !"receiving".equals(bizStep)) {
            return new ImportedEvent(index, eventId, bizStep, Outcome.SKIPPED, null, null, null);
        }
        String epc =
                firstEpc(event).orElseThrow(() -> refusal("收货事件应在 epcList 或 quantityList 中写明收到的批次（追溯码网址或 GS1 数字链接）"));
        IssuedCode code = resolve(epc);
        requireReceiver(event.path("destinationList"), organizationId);
        Optional<ImportedEvent> known = alreadyRecorded(index, eventId, organizationId, code.getBatchId());
        if (known.isPresent()) {
            return known.get();
        }
        List<SupplyChainService.LinkView> pending = supplyChain.pendingReceipts(organizationId).stream()
                .filter(link -> "SHIPMENT".equals(link.kind()))
                .filter(link -> link.sourceBatchId().equals(code.getBatchId()))
                .toList();
        if (pending.isEmpty()) {
            throw refusal("批次 " + epc + " 没有发往本主体、尚待确认收货的发货记录：请发货方先在平台上记录发货并填写买方主体");
        }
        // Of several shipments of the batch waiting, the one of the quantity received.
        JsonNode quantities = event.path("quantityList");
        SupplyChainService.LinkView link = pending.stream()
                .filter(candidate -> matchesQuantity(quantities, candidate.quantity()))
                .findFirst()
                .orElse(pending.get(0));
        requireQuantity(quantities, link.quantity());
        String batchNumber = batchNumber(event, eventId, index);
        Batch received = supplyChain.confirmReceipt(
                receiver,
                link.id(),
                new BatchService.ReceivedBatch(batchNumber, eventId == null ? "EPCIS 导入" : "EPCIS 导入 " + eventId));
        return new ImportedEvent(
                index,
                eventId,
                bizStep,
                Outcome.RECEIVED,
                received.getId(),
                received.getBatchNumber(),
                link.sourceBatchNumber());
    }

    /**
     * A receiving event that our own export of a receipt already held: the same event hash as the receipt of the
     * receiver's batch that came from this source.
     */
    private Optional<ImportedEvent> alreadyRecorded(
            int index, String eventId, Long organizationId, Long sourceBatchId) {
        if (eventId == null) {
            return Optional.empty();
        }
        for (BatchLink link : links.findAllBySourceBatchIdOrderById(sourceBatchId)) {
            if (link.getKind() != BatchLink.Kind.SHIPMENT
                    || link.getState() != BatchLink.State.CONFIRMED
                    || !organizationId.equals(link.getTargetOrganizationId())) {
                continue;
            }
            BatchFacts facts = batches.load(List.of(link.getTargetBatchId())).get(0);
            for (ObjectNode exported : events.events(facts)) {
                if (eventId.equals(exported.path("eventID").asString(""))) {
                    return Optional.of(new ImportedEvent(
                            index,
                            eventId,
                            "receiving",
                            Outcome.ALREADY_RECORDED,
                            facts.batch().batchId(),
                            facts.batch().batchNumber(),
                            facts.relatedBatch(sourceBatchId)
                                    .map(BatchFacts.BatchRef::batchNumber)
                                    .orElse(null)));
                }
            }
        }
        return Optional.empty();
    }

    private IssuedCode resolve(String epc) {
        int digitalLink = epc.indexOf("/01/");
        if (digitalLink >= 0) {
            return codes.scannedDigitalLink(epc.substring(digitalLink));
        }
        int trace = epc.indexOf("/t/");
        if (trace < 0) {
            throw refusal("“" + epc + "”不是平台上的批次标识：应为追溯码网址（…/t/追溯码）或 GS1 数字链接（…/01/GTIN/10/批次号）");
        }
        return codes.scanned(epc.substring(trace + 3));
    }

    /** A destination, if named, must be the importing organization, by its URI on the service or its GLN. */
    private void requireReceiver(JsonNode destinations, Long organizationId) {
        if (!destinations.isArray() || destinations.isEmpty()) {
            return;
        }
        String own = events.organizationUri(organizationId);
        String gln = batches.glnOf(organizationId).orElse(null);
        for (JsonNode destination : destinations) {
            String party = destination.path("destination").asString("");
            boolean ours = party.equals(own)
                    || (gln != null && party.endsWith("/417/" + gln))
                    || (gln != null && party.endsWith("/414/" + gln));
            if (!ours) {
                throw refusal("收货方“" + party + "”不是导入文档的主体：只能导入本主体的收货事件");
            }
        }
    }

    private static boolean matchesQuantity(JsonNode quantities, Quantity shipped) {
        if (!quantities.isArray() || quantities.isEmpty() || shipped == null) {
            return true;
        }
        EpcisEvents.UnitOfMeasure expected = EpcisEvents.UnitOfMeasure.of(shipped);
        JsonNode stated = quantities.get(0);
        BigDecimal amount =
                stated.path("quantity").isNumber() ? stated.path("quantity").decimalValue() : null;
        return amount != null
                && amount.compareTo(expected.amount()) == 0
                && stated.path("uom").asString("").equals(expected.code());
    }

    /** A received quantity, if stated, must be what was shipped: partial receipts are not recorded on Suyuan. */
    private static void requireQuantity(JsonNode quantities, Quantity shipped) {
        if (!matchesQuantity(quantities, shipped)) {
            EpcisEvents.UnitOfMeasure expected = EpcisEvents.UnitOfMeasure.of(shipped);
            JsonNode stated = quantities.get(0);
            String amount = stated.path("quantity").isNumber()
                    ? stated.path("quantity").decimalValue().toPlainString()
                    : "";
            String unit = stated.path("uom").asString("");
            throw refusal("收货数量 " + amount + " " + unit + " 与发货数量 "
                    + expected.amount().toPlainString() + " " + expected.code() + " 不符：平台只记录整批收货");
        }
    }

    /** The receiver's batch number: ours ({@code suyuan:batchNumber}) if given, else one made from the event id. */
    private static String batchNumber(JsonNode event, String eventId, int index) {
        String given = event.path(EpcisEvents.PREFIX + ":batchNumber").asString(null);
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        String seed = eventId == null ? Integer.toString(index) : eventId.replaceAll("[^A-Za-z0-9]", "");
        return "EPCIS-" + seed.substring(Math.max(0, seed.length() - 10)).toUpperCase(java.util.Locale.ROOT);
    }

    private static Optional<String> firstEpc(JsonNode event) {
        JsonNode epcs = event.path("epcList");
        if (epcs.isArray() && !epcs.isEmpty()) {
            return Optional.of(epcs.get(0).asString(""));
        }
        JsonNode quantities = event.path("quantityList");
        if (quantities.isArray() && !quantities.isEmpty()) {
            return Optional.of(quantities.get(0).path("epcClass").asString(""));
        }
        return Optional.empty();
    }

    /** CBV 2.0 bare words; the URN form of EPCIS 1.x is read as the same step. */
    private static String bizStep(String value) {
        String prefix = "urn:epcglobal:cbv:bizstep:";
        return value.startsWith(prefix) ? value.substring(prefix.length()) : value;
    }

    private JsonNode parse(String document) {
        try {
            return json.readTree(document);
        } catch (tools.jackson.core.JacksonException e) {
            throw ExchangeException.invalidEpcis(List.of("不是有效的 JSON：" + e.getOriginalMessage()));
        }
    }

    private static int count(List<ImportedEvent> results, Outcome outcome) {
        return (int) results.stream().filter(r -> r.outcome() == outcome).count();
    }

    private static ValidationFailedException refusal(String message) {
        return new ValidationFailedException(List.of(new ValidationFailedException.FieldError("event", message)));
    }

    private static ValidationFailedException rejected(int index, ProblemException refused) {
        String reason = refused instanceof ValidationFailedException validation
                ? String.join(
                        "；",
                        validation.errors().stream()
                                .map(ValidationFailedException.FieldError::message)
                                .toList())
                : refused.detail();
        return new ValidationFailedException(List.of(
                new ValidationFailedException.FieldError("epcisBody.eventList[" + index + "]", reason + "（整份文档未导入）")));
    }

    private static Schema loadSchema() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_7,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true)
                        .build()));
        try (InputStream schema = EpcisImport.class.getResourceAsStream("/epcis/EPCIS-JSON-Schema.json")) {
            return registry.getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
