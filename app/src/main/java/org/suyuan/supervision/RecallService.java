package org.suyuan.supervision;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suyuan.account.CurrentUser;
import org.suyuan.archive.BatchService;
import org.suyuan.archive.EventDetails;
import org.suyuan.db.archive.Batch;
import org.suyuan.db.archive.BatchLink;
import org.suyuan.db.archive.BatchRepository;
import org.suyuan.db.supervision.Notice;
import org.suyuan.db.supervision.NoticeRepository;
import org.suyuan.problem.NotFoundException;

/**
 * Recalls a batch and everything made or sold from it, at any depth: every downstream batch gets its own 召回 event
 * naming the upstream recall, its producer is told, and buyers not on Suyuan are listed for the inspector to reach.
 * The recalled batch must be in the regulator's jurisdiction; what it reached is recalled wherever it is, because
 * food does not stop at district lines.
 */
@Service
public class RecallService {

    private final SupervisionQueries queries;
    private final SupplyGraph graph;
    private final BatchService batchService;
    private final BatchRepository batches;
    private final NoticeRepository notices;
    private final Clock clock;

    RecallService(
            SupervisionQueries queries,
            SupplyGraph graph,
            BatchService batchService,
            BatchRepository batches,
            NoticeRepository notices,
            Clock clock) {
        this.queries = queries;
        this.graph = graph;
        this.batchService = batchService;
        this.batches = batches;
        this.notices = notices;
        this.clock = clock;
    }

    /**
     * What a recall reached.
     *
     * @param recalledBatchIds every batch recalled now, the first being the one asked for
     * @param buyersToContact shipments to buyers that have not taken the goods into a batch on Suyuan
     */
    public record RecallReport(List<Long> recalledBatchIds, List<PendingBuyer> buyersToContact) {}

    /**
     * A buyer the recall cannot reach through Suyuan's links: not on Suyuan, or not yet confirmed receipt.
     *
     * @param buyerOrganizationId the buyer's organization when it is on Suyuan
     */
    public record PendingBuyer(
            long fromBatchId, String buyerName, Long buyerOrganizationId, String contact, String quantity) {}

    @Transactional
    public RecallReport recall(CurrentUser regulator, long batchId, EventDetails.Recall recall) {
        Jurisdiction jurisdiction = Jurisdiction.of(regulator);
        SupervisionQueries.BatchRow root =
                queries.batch(jurisdiction, batchId).orElseThrow(() -> NotFoundException.batch(batchId));
        List<Long> recalled = new ArrayList<>();
        if (batchService.recallOnBehalf(regulator, root.id(), recall)) {
            recalled.add(root.id());
            notify(root.organizationId(), root.id(), "批次 " + root.batchNumber() + " 已被监管部门召回：" + recall.reason());
        }
        List<SupplyGraph.Step> downstream = graph.downstream(root.id());
        for (SupplyGraph.Step step : downstream) {
            Batch batch = batches.findById(step.batchId()).orElseThrow();
            String reason = "上游批次 " + root.batchNumber() + "（" + root.organizationName() + "）召回：" + recall.reason();
            if (batchService.recallOnBehalf(
                    regulator, batch.getId(), new EventDetails.Recall(reason, recall.instructions(), null))) {
                recalled.add(batch.getId());
                notify(
                        batch.getOrganizationId(),
                        batch.getId(),
                        "批次 " + batch.getBatchNumber() + " 因" + reason + "，已一并召回。");
            }
        }
        List<Long> reached = new ArrayList<>();
        reached.add(root.id());
        downstream.forEach(step -> reached.add(step.batchId()));
        List<PendingBuyer> buyers = new ArrayList<>();
        for (BatchLink link : graph.unconfirmedShipments(reached)) {
            notify(
                    link.getTargetOrganizationId(),
                    null,
                    "您尚未确认收货的批次（来自 " + root.organizationName() + "）已被召回：" + recall.reason() + "。请勿销售，并联系供货方。");
        }
        for (long reachedBatch : reached) {
            Batch batch = batches.findById(reachedBatch).orElseThrow();
            batchService.historyOf(batch).stream()
                    .filter(entry -> entry.details() instanceof EventDetails.Shipment)
                    .map(entry -> entry.detailsAs(EventDetails.Shipment.class))
                    .filter(shipment -> shipment.buyerOrganizationId() == null
                            || graph.unconfirmedShipments(List.of(reachedBatch)).stream()
                                    .anyMatch(link ->
                                            shipment.buyerOrganizationId().equals(link.getTargetOrganizationId())))
                    .forEach(shipment -> buyers.add(new PendingBuyer(
                            reachedBatch,
                            shipment.buyerName(),
                            shipment.buyerOrganizationId(),
                            shipment.buyerContact(),
                            shipment.quantity().toString())));
        }
        return new RecallReport(recalled, buyers);
    }

    private void notify(long organizationId, Long batchId, String message) {
        notices.save(new Notice(organizationId, batchId, "RECALL", message, clock.instant()));
    }
}
