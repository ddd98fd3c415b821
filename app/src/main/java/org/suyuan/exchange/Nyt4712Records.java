package org.suyuan.exchange;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.suyuan.SuyuanProperties;
import org.suyuan.archive.ArchiveEntry;
import org.suyuan.archive.EventDetails;
import org.suyuan.archive.Quantity;
import org.suyuan.archive.QuantityUnit;
import org.suyuan.db.archive.BatchLink;
import org.suyuan.db.archive.EventType;
import org.suyuan.db.archive.OrganizationType;
import org.suyuan.exchange.BatchFacts.BatchRef;

/**
 * A batch as a NY/T 4712-2025 record (农产品质量安全追溯 数据格式): one stage's 入库批次 and 出库批次 (the 追溯码
 * handed downstream), the 生产经营者, and one step up (来源) and one step down (去向). docs/nyt4712-mapping.md
 * maps every field to the standard's terms and to our archive.
 *
 * <p>The stage follows from the archive: a batch that processed inputs is 加工, one opened from goods received
 * from another organization is 收购, any other is 生产. Suyuan records no separate storage or transport stage
 * (储存/运输), so it emits no records for them.
 */
@Component
class Nyt4712Records {

    static final String STANDARD = "NY/T 4712-2025";

    private final EpcisEvents identifiers;
    private final ZoneId zone;

    Nyt4712Records(EpcisEvents identifiers, SuyuanProperties properties) {
        this.identifiers = identifiers;
        this.zone = properties.timeZone();
    }

    /** 环节 */
    enum Stage {
        生产,
        收购,
        加工
    }

    /**
     * One stage's record of one batch.
     *
     * @param inboundBatchNumber 入库批次: the batch number, unique within the operator
     * @param outboundTraceCode 出库批次: the trace code (追溯码) the goods carry downstream
     * @param inbound what came into the stage: harvests, goods received, processing output
     * @param archiveHash the hash of the newest archive record, which commits to the batch's whole archive
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Record(
            Stage stage,
            String inboundBatchNumber,
            String outboundTraceCode,
            String traceUrl,
            Operator operator,
            Product product,
            Origin origin,
            List<Movement> inbound,
            List<Counterpart> sources,
            List<Counterpart> destinations,
            String archiveHash) {

        /** The inbound amounts added up when they share a unit; null when they do not. */
        Movement inboundTotal() {
            if (inbound.isEmpty()) {
                return null;
            }
            String unit = inbound.get(0).unit();
            BigDecimal total = BigDecimal.ZERO;
            for (Movement movement : inbound) {
                if (!unit.equals(movement.unit())) {
                    return null;
                }
                total = total.add(movement.quantity());
            }
            return new Movement(inbound.get(0).kind(), inbound.get(0).date(), total, unit, null);
        }
    }

    /** 生产经营者: a 法人 by its 统一社会信用代码, a 自然人 by (masked) 身份证号. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Operator(
            String name,
            String kind,
            String organizationType,
            String creditCode,
            String idCardNumber,
            String address,
            String regionCode) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Product(String name, String category, String variety, String gtin) {}

    /** 产地: the base or plot (基地、地块) the batch belongs to. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Origin(String baseName, String regionCode, String address) {}

    /** An amount that moved on a day; {@code recordedAt} is when the archive stored it, with its offset. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Movement(String kind, String date, BigDecimal quantity, String unit, String recordedAt) {}

    /**
     * The other side of a movement (来源 or 去向).
     *
     * @param organizationCode the counterpart's 统一社会信用代码 (or masked 身份证号); null off the platform
     * @param batchNumber its batch: the 出库批次 it shipped from, or the 入库批次 it received into
     * @param traceCode that batch's 追溯码
     * @param via 销售 (a sale) or 加工 (processing)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Counterpart(
            String organizationName,
            String organizationCode,
            String batchNumber,
            String traceCode,
            String date,
            BigDecimal quantity,
            String unit,
            String via) {}

    Record record(BatchFacts facts) {
        BatchRef own = facts.batch();
        List<ArchiveEntry> effective = ArchiveEntry.effective(facts.history());
        boolean processed = effective.stream().anyMatch(e -> e.type() == EventType.PROCESSING);
        boolean received = effective.stream()
                .anyMatch(e -> e.details() instanceof EventDetails.Created created && created.source() != null);
        Stage stage = processed ? Stage.加工 : received ? Stage.收购 : Stage.生产;

        List<Movement> inbound = new ArrayList<>();
        List<Counterpart> sources = new ArrayList<>();
        List<Counterpart> destinations = new ArrayList<>();
        for (ArchiveEntry entry : effective) {
            String date = entry.occurredOn().toString();
            String recordedAt = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                    entry.recordedAt().atZone(zone).toOffsetDateTime());
            if (entry.details() instanceof EventDetails.Harvest harvest) {
                addMovement(inbound, "采收", date, harvest.quantity(), recordedAt);
            } else if (entry.details() instanceof EventDetails.Receipt receipt) {
                addMovement(inbound, "收货", date, receipt.quantity(), recordedAt);
                if (receipt.source() != null) {
                    BatchRef source =
                            facts.relatedBatch(receipt.source().batchId()).orElse(null);
                    sources.add(counterpart(
                            source,
                            receipt.source().organizationName(),
                            receipt.source().batchNumber(),
                            date,
                            receipt.quantity(),
                            "销售"));
                }
            } else if (entry.details() instanceof EventDetails.Processing processing) {
                addMovement(inbound, "加工产出", date, processing.output(), recordedAt);
                for (BatchLink link : facts.incoming()) {
                    if (link.getKind() == BatchLink.Kind.PROCESSING
                            && entry.id().equals(link.getSourceEventId())) {
                        BatchRef input =
                                facts.relatedBatch(link.getSourceBatchId()).orElse(null);
                        sources.add(counterpart(
                                input,
                                input == null ? null : input.organizationName(),
                                input == null ? null : input.batchNumber(),
                                date,
                                quantityOf(link),
                                "加工"));
                    }
                }
            } else if (entry.details() instanceof EventDetails.Shipment shipment) {
                BatchRef downstream = null;
                for (BatchLink link : facts.outgoing()) {
                    if (link.getKind() == BatchLink.Kind.SHIPMENT && entry.id().equals(link.getSourceEventId())) {
                        downstream = facts.relatedBatch(link.getTargetBatchId()).orElse(null);
                    }
                }
                destinations.add(counterpart(
                        downstream,
                        shipment.buyerName(),
                        downstream == null ? null : downstream.batchNumber(),
                        date,
                        shipment.quantity(),
                        "销售"));
            }
        }
        for (BatchLink link : facts.outgoing()) {
            if (link.getKind() == BatchLink.Kind.PROCESSING) {
                BatchRef output = facts.relatedBatch(link.getTargetBatchId()).orElse(null);
                destinations.add(counterpart(
                        output,
                        output == null ? null : output.organizationName(),
                        output == null ? null : output.batchNumber(),
                        link.getCreatedAt().atZone(zone).toLocalDate().toString(),
                        quantityOf(link),
                        "加工"));
            }
        }
        boolean individual = OrganizationType.INDIVIDUAL.name().equals(own.organizationType());
        return new Record(
                stage,
                own.batchNumber(),
                own.traceCode(),
                identifiers.epc(own),
                new Operator(
                        own.organizationName(),
                        individual ? "自然人" : "法人",
                        OrganizationType.valueOf(own.organizationType()).chineseName(),
                        individual ? null : own.organizationIdentifier(),
                        individual ? own.organizationIdentifier() : null,
                        own.organizationAddress(),
                        own.organizationRegionCode()),
                new Product(own.productName(), own.productCategory(), own.productVariety(), own.gtin()),
                new Origin(facts.plotName(), facts.plotRegionCode(), facts.plotAddress()),
                inbound,
                sources,
                destinations,
                facts.history().isEmpty()
                        ? null
                        : facts.history().get(facts.history().size() - 1).eventHash());
    }

    private static void addMovement(
            List<Movement> inbound, String kind, String date, Quantity quantity, String recordedAt) {
        if (quantity != null && quantity.amount() != null && quantity.unit() != null) {
            inbound.add(
                    new Movement(kind, date, quantity.amount(), quantity.unit().chineseName(), recordedAt));
        }
    }

    private static Counterpart counterpart(
            BatchRef other, String name, String batchNumber, String date, Quantity quantity, String via) {
        return new Counterpart(
                other == null ? name : other.organizationName(),
                other == null ? null : other.organizationIdentifier(),
                batchNumber,
                other == null ? null : other.traceCode(),
                date,
                quantity == null ? null : quantity.amount(),
                quantity == null || quantity.unit() == null
                        ? null
                        : quantity.unit().chineseName(),
                via);
    }

    private static Quantity quantityOf(BatchLink link) {
        return link.getQuantityAmount() == null
                ? null
                : new Quantity(link.getQuantityAmount(), QuantityUnit.valueOf(link.getQuantityUnit()));
    }
}
