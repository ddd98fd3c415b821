package org.suyuan.exchange;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.suyuan.archive.ArchiveEntry;
import org.suyuan.db.archive.BatchLink;

/**
 * One batch with everything the exchange formats say about it: its archive, the parties and places, and the
 * batches one step up and one step down (来源/去向).
 *
 * @param incoming links whose target is this batch: the shipment it was received from, processing inputs
 * @param outgoing links whose source is this batch: shipments to organizations on Suyuan, processing it fed
 * @param related the batches at the other end of those links (and of receipts' source snapshots), by id
 * @param glns the GS1 GLN of every organization named here that has one, by organization id
 */
record BatchFacts(
        BatchRef batch,
        String plotName,
        long plotId,
        String plotRegionCode,
        String plotAddress,
        List<ArchiveEntry> history,
        List<BatchLink> incoming,
        List<BatchLink> outgoing,
        Map<Long, BatchRef> related,
        Map<Long, String> glns) {

    Optional<String> glnOf(long organizationId) {
        return Optional.ofNullable(glns.get(organizationId));
    }

    Optional<BatchRef> relatedBatch(Long batchId) {
        return Optional.ofNullable(batchId == null ? null : related.get(batchId));
    }

    /**
     * A batch as the other side of a link sees it: who holds it and how it is identified.
     *
     * @param organizationIdentifier 统一社会信用代码, or the masked ID-card number of an individual
     * @param gtin the product's GTIN-14 text as registered, or null
     * @param traceCode the batch's trace code (its 追溯码), or null for a batch from before codes existed
     */
    record BatchRef(
            long batchId,
            String batchNumber,
            long organizationId,
            String organizationName,
            String organizationType,
            String organizationIdentifier,
            String organizationRegionCode,
            String organizationAddress,
            String productName,
            String productCategory,
            String productVariety,
            String gtin,
            String traceCode) {}
}
