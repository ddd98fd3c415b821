package org.suyuan.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suyuan.account.CurrentUser;
import org.suyuan.archive.EventDetails;
import org.suyuan.archive.Regions;
import org.suyuan.problem.NotFoundException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Traces a batch backward (plots, inputs, source batches, processing inputs) and forward (shipments, buyers,
 * downstream batches) at any depth. A regulator may start from a batch in its jurisdiction and a producer from its
 * own; batches beyond what the caller may see appear only as "outside", with their region, so the inspector knows
 * whom to call without reading another district's records.
 *
 * <p>A handful of queries whatever the size of the graph: one per level of links, one for all the batches, one
 * for all their inputs and sales.
 */
@Service
public class TraceService {

    private static final List<String> INPUT_TYPES = List.of("PLANTING", "FERTILISING", "PESTICIDE_USE");
    private static final List<String> SALE_TYPES = List.of("SHIPMENT");

    private final SupervisionQueries queries;
    private final SupplyGraph graph;
    private final Regions regions;
    private final JsonMapper json;

    TraceService(SupervisionQueries queries, SupplyGraph graph, Regions regions, JsonMapper json) {
        this.queries = queries;
        this.graph = graph;
        this.regions = regions;
        this.json = json;
    }

    /**
     * A batch in the trace.
     *
     * @param visible whether the caller may see this batch's records; when false only the region is given
     * @param via how the goods moved between this batch and {@code fromBatchId} (SHIPMENT or PROCESSING)
     */
    public record Node(
            long batchId,
            boolean visible,
            String batchNumber,
            String organizationName,
            String regionCode,
            String regionName,
            String productName,
            String plotName,
            String status,
            String via,
            Long fromBatchId,
            int depth,
            String quantity) {}

    /** An input used on a batch: seed, fertiliser or pesticide, from its archive. */
    public record InputUse(long batchId, String type, LocalDate on, String name, String detail) {}

    /** A sale recorded on a batch (to a buyer on Suyuan or not). */
    public record Sale(long batchId, LocalDate on, String buyerName, Long buyerOrganizationId, String quantity) {}

    public record Trace(Node batch, List<Node> backward, List<Node> forward, List<InputUse> inputs, List<Sale> sales) {}

    @Transactional(readOnly = true)
    public Trace trace(CurrentUser user, long batchId) {
        Predicate<SupervisionQueries.BatchRow> visible = visibility(user);
        SupervisionQueries.BatchRow start =
                queries.anyBatch(batchId).filter(visible).orElseThrow(() -> NotFoundException.batch(batchId));
        List<SupplyGraph.Step> upstream = graph.upstream(batchId);
        List<SupplyGraph.Step> downstream = graph.downstream(batchId);
        Set<Long> reached = new LinkedHashSet<>();
        upstream.forEach(step -> reached.add(step.batchId()));
        downstream.forEach(step -> reached.add(step.batchId()));
        Map<Long, SupervisionQueries.BatchRow> rows = queries.anyBatches(reached);

        List<Node> backward =
                upstream.stream().map(step -> stepNode(step, rows, visible)).toList();
        List<Node> forward =
                downstream.stream().map(step -> stepNode(step, rows, visible)).toList();
        Set<Long> backwardVisible = new LinkedHashSet<>(List.of(start.id()));
        backward.stream().filter(Node::visible).forEach(node -> backwardVisible.add(node.batchId()));
        Set<Long> forwardVisible = new LinkedHashSet<>(List.of(start.id()));
        forward.stream().filter(Node::visible).forEach(node -> forwardVisible.add(node.batchId()));
        return new Trace(
                node(start, true, null, null, 0, null),
                backward,
                forward,
                inputs(backwardVisible),
                sales(forwardVisible));
    }

    private Predicate<SupervisionQueries.BatchRow> visibility(CurrentUser user) {
        if (user.isRegulator() || user.isAdministrator()) {
            Jurisdiction jurisdiction = Jurisdiction.of(user);
            return row -> jurisdiction.contains(row.regionCode());
        }
        Long organizationId = user.requireOrganization();
        return row -> row.organizationId() == organizationId;
    }

    private Node stepNode(
            SupplyGraph.Step step,
            Map<Long, SupervisionQueries.BatchRow> rows,
            Predicate<SupervisionQueries.BatchRow> visible) {
        SupervisionQueries.BatchRow row = rows.get(step.batchId());
        String quantity = step.link().getQuantityAmount() == null
                ? null
                : step.link().getQuantityAmount().stripTrailingZeros().toPlainString() + " "
                        + step.link().getQuantityUnit();
        return node(row, visible.test(row), step.link().getKind().name(), step.fromBatchId(), step.depth(), quantity);
    }

    private Node node(
            SupervisionQueries.BatchRow row, boolean visible, String via, Long from, int depth, String quantity) {
        String regionName = regions.fullName(row.regionCode());
        if (!visible) {
            return new Node(
                    row.id(),
                    false,
                    null,
                    null,
                    row.regionCode(),
                    regionName,
                    null,
                    null,
                    null,
                    via,
                    from,
                    depth,
                    quantity);
        }
        return new Node(
                row.id(),
                true,
                row.batchNumber(),
                row.organizationName(),
                row.regionCode(),
                regionName,
                row.productName(),
                row.plotName(),
                row.status(),
                via,
                from,
                depth,
                quantity);
    }

    private List<InputUse> inputs(Set<Long> batchIds) {
        List<InputUse> inputs = new ArrayList<>();
        for (SupervisionQueries.EventRow event : queries.effectiveEvents(batchIds, INPUT_TYPES)) {
            switch (event.type()) {
                case "PESTICIDE_USE" -> {
                    var use = json.readValue(event.details(), EventDetails.PesticideUse.class);
                    inputs.add(new InputUse(
                            event.batchId(),
                            event.type(),
                            event.occurredOn(),
                            use.productName(),
                            use.registrationNumber() + "，" + use.activeIngredient() + "，" + use.dose() + use.doseUnit()
                                    + "，安全间隔期 " + use.safetyIntervalDays() + " 天"));
                }
                case "FERTILISING" -> {
                    var fertilising = json.readValue(event.details(), EventDetails.Fertilising.class);
                    inputs.add(new InputUse(
                            event.batchId(),
                            event.type(),
                            event.occurredOn(),
                            fertilising.fertiliserName(),
                            fertilising.amount() == null
                                    ? null
                                    : fertilising.amount().toString()));
                }
                default -> {
                    var planting = json.readValue(event.details(), EventDetails.Planting.class);
                    inputs.add(new InputUse(
                            event.batchId(),
                            event.type(),
                            event.occurredOn(),
                            planting.seedVariety() == null ? planting.method() : planting.seedVariety(),
                            planting.seedSource()));
                }
            }
        }
        return inputs;
    }

    private List<Sale> sales(Set<Long> batchIds) {
        List<Sale> sales = new ArrayList<>();
        for (SupervisionQueries.EventRow event : queries.effectiveEvents(batchIds, SALE_TYPES)) {
            var shipment = json.readValue(event.details(), EventDetails.Shipment.class);
            sales.add(new Sale(
                    event.batchId(),
                    event.occurredOn(),
                    shipment.buyerName(),
                    shipment.buyerOrganizationId(),
                    shipment.quantity() == null ? null : shipment.quantity().toString()));
        }
        return sales;
    }
}
