package org.suyuan.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suyuan.account.CurrentUser;
import org.suyuan.archive.ArchiveEntry;
import org.suyuan.archive.BatchService;
import org.suyuan.archive.EventDetails;
import org.suyuan.archive.Regions;
import org.suyuan.db.archive.Batch;
import org.suyuan.db.archive.BatchRepository;
import org.suyuan.db.archive.Plot;
import org.suyuan.db.archive.PlotRepository;
import org.suyuan.problem.NotFoundException;

/**
 * Traces a batch backward (plots, inputs, source batches, processing inputs) and forward (shipments, buyers,
 * downstream batches) at any depth. A regulator may start from a batch in its jurisdiction and a producer from its
 * own; batches beyond what the caller may see appear only as "outside", with their region, so the inspector knows
 * whom to call without reading another district's records.
 */
@Service
public class TraceService {

    private final SupervisionQueries queries;
    private final SupplyGraph graph;
    private final BatchService batchService;
    private final BatchRepository batches;
    private final PlotRepository plots;
    private final Regions regions;

    TraceService(
            SupervisionQueries queries,
            SupplyGraph graph,
            BatchService batchService,
            BatchRepository batches,
            PlotRepository plots,
            Regions regions) {
        this.queries = queries;
        this.graph = graph;
        this.batchService = batchService;
        this.batches = batches;
        this.plots = plots;
        this.regions = regions;
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

    /** A sale to a buyer that is not a batch on Suyuan (not on Suyuan, or receipt not yet confirmed). */
    public record Sale(long batchId, LocalDate on, String buyerName, Long buyerOrganizationId, String quantity) {}

    public record Trace(Node batch, List<Node> backward, List<Node> forward, List<InputUse> inputs, List<Sale> sales) {}

    @Transactional(readOnly = true)
    public Trace trace(CurrentUser user, long batchId) {
        Predicate<SupervisionQueries.BatchRow> visible = visibility(user);
        SupervisionQueries.BatchRow start =
                queries.anyBatch(batchId).filter(visible).orElseThrow(() -> NotFoundException.batch(batchId));
        Node root = node(start, true, null, null, 0, null);
        List<Node> backward = new ArrayList<>();
        for (SupplyGraph.Step step : graph.upstream(batchId)) {
            backward.add(stepNode(step, visible));
        }
        List<Node> forward = new ArrayList<>();
        for (SupplyGraph.Step step : graph.downstream(batchId)) {
            forward.add(stepNode(step, visible));
        }
        List<InputUse> inputs = new ArrayList<>();
        inputs.addAll(inputsOf(start.id()));
        backward.stream().filter(Node::visible).forEach(node -> inputs.addAll(inputsOf(node.batchId())));
        List<Sale> sales = new ArrayList<>(salesOf(start.id()));
        forward.stream().filter(Node::visible).forEach(node -> sales.addAll(salesOf(node.batchId())));
        return new Trace(root, backward, forward, inputs, sales);
    }

    private Predicate<SupervisionQueries.BatchRow> visibility(CurrentUser user) {
        if (user.isRegulator() || user.isAdministrator()) {
            Jurisdiction jurisdiction = Jurisdiction.of(user);
            return row -> jurisdiction.contains(row.regionCode());
        }
        Long organizationId = user.requireOrganization();
        return row -> row.organizationId() == organizationId;
    }

    private Node stepNode(SupplyGraph.Step step, Predicate<SupervisionQueries.BatchRow> visible) {
        SupervisionQueries.BatchRow row = queries.anyBatch(step.batchId()).orElseThrow();
        String quantity = step.link().getQuantityAmount() == null
                ? null
                : step.link().getQuantityAmount().stripTrailingZeros().toPlainString() + " "
                        + step.link().getQuantityUnit();
        return node(row, visible.test(row), step.link().getKind().name(), step.fromBatchId(), step.depth(), quantity);
    }

    private Node node(
            SupervisionQueries.BatchRow row, boolean visible, String via, Long from, int depth, String quantity) {
        if (!visible) {
            return new Node(
                    row.id(),
                    false,
                    null,
                    null,
                    row.regionCode(),
                    regions.fullName(row.regionCode()),
                    null,
                    null,
                    null,
                    via,
                    from,
                    depth,
                    quantity);
        }
        Optional<Plot> plot = batches.findById(row.id()).flatMap(b -> plots.findById(b.getPlotId()));
        return new Node(
                row.id(),
                true,
                row.batchNumber(),
                row.organizationName(),
                row.regionCode(),
                regions.fullName(row.regionCode()),
                row.productName(),
                plot.map(Plot::getName).orElse(null),
                row.status(),
                via,
                from,
                depth,
                quantity);
    }

    private List<InputUse> inputsOf(long batchId) {
        Batch batch = batches.findById(batchId).orElseThrow();
        List<InputUse> inputs = new ArrayList<>();
        for (ArchiveEntry entry : ArchiveEntry.effective(batchService.historyOf(batch))) {
            if (entry.details() instanceof EventDetails.PesticideUse use) {
                inputs.add(new InputUse(
                        batchId,
                        entry.type().name(),
                        entry.occurredOn(),
                        use.productName(),
                        use.registrationNumber() + "，" + use.activeIngredient() + "，" + use.dose() + use.doseUnit()
                                + "，安全间隔期 " + use.safetyIntervalDays() + " 天"));
            } else if (entry.details() instanceof EventDetails.Fertilising fertilising) {
                inputs.add(new InputUse(
                        batchId,
                        entry.type().name(),
                        entry.occurredOn(),
                        fertilising.fertiliserName(),
                        fertilising.amount().toString()));
            } else if (entry.details() instanceof EventDetails.Planting planting) {
                inputs.add(new InputUse(
                        batchId,
                        entry.type().name(),
                        entry.occurredOn(),
                        planting.seedVariety() == null ? planting.method() : planting.seedVariety(),
                        planting.seedSource()));
            }
        }
        return inputs;
    }

    private List<Sale> salesOf(long batchId) {
        Batch batch = batches.findById(batchId).orElseThrow();
        List<Sale> sales = new ArrayList<>();
        for (ArchiveEntry entry : ArchiveEntry.effective(batchService.historyOf(batch))) {
            if (entry.details() instanceof EventDetails.Shipment shipment) {
                sales.add(new Sale(
                        batchId,
                        entry.occurredOn(),
                        shipment.buyerName(),
                        shipment.buyerOrganizationId(),
                        shipment.quantity().toString()));
            }
        }
        return sales;
    }
}
