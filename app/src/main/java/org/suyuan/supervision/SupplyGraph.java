package org.suyuan.supervision;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.suyuan.db.archive.BatchLink;
import org.suyuan.db.archive.BatchLinkRepository;

/**
 * Walks the links between batches: backward to where goods came from (shipments received, processing inputs),
 * forward to where they went. Breadth first with a depth limit, so a long chain or a cycle cannot run away.
 */
@Component
class SupplyGraph {

    static final int MAXIMUM_DEPTH = 50;

    private final BatchLinkRepository links;

    SupplyGraph(BatchLinkRepository links) {
        this.links = links;
    }

    /** One step of a walk: a batch reached through a link, how far from the start. */
    record Step(BatchLink link, long batchId, long fromBatchId, int depth) {}

    /** Every batch downstream of {@code start} (confirmed receipts and processing outputs), nearest first. */
    List<Step> downstream(long start) {
        return walk(start, true);
    }

    /** Every batch upstream of {@code start}, nearest first. */
    List<Step> upstream(long start) {
        return walk(start, false);
    }

    /** Shipments from these batches that no batch on Suyuan has received (yet): buyers to contact directly. */
    List<BatchLink> unconfirmedShipments(List<Long> batchIds) {
        return links.findAllBySourceBatchIdInOrderById(batchIds).stream()
                .filter(link -> link.getState() == BatchLink.State.PENDING)
                .toList();
    }

    /** One query per level of the graph, not one per batch. */
    private List<Step> walk(long start, boolean forward) {
        List<Step> steps = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        seen.add(start);
        List<Long> level = List.of(start);
        for (int depth = 1; depth <= MAXIMUM_DEPTH && !level.isEmpty(); depth++) {
            List<BatchLink> next = forward
                    ? links.findAllBySourceBatchIdInOrderById(level)
                    : links.findAllByTargetBatchIdInOrderById(level);
            List<Long> nextLevel = new ArrayList<>();
            for (BatchLink link : next) {
                Long neighbour = forward ? link.getTargetBatchId() : link.getSourceBatchId();
                if (neighbour == null || !seen.add(neighbour)) {
                    continue;
                }
                long from = forward ? link.getSourceBatchId() : link.getTargetBatchId();
                steps.add(new Step(link, neighbour, from, depth));
                nextLevel.add(neighbour);
            }
            level = nextLevel;
        }
        return steps;
    }
}
