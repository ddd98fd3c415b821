package org.suyuan.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * An anchor as the ledger holds it.
 *
 * @param request the anchored content
 * @param transactionId the ledger transaction that stored it (a Fabric transaction id, or the embedded log's
 *     entry hash)
 * @param blockNumber the block that holds the transaction (the embedded log's sequence number)
 * @param anchoredAt the ledger's own time for the transaction (Fabric: the transaction timestamp)
 * @param submitter who submitted it (Fabric: the client's MSP id)
 */
public record AnchorReceipt(
        AnchorRequest request, String transactionId, long blockNumber, Instant anchoredAt, String submitter) {

    public AnchorReceipt {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(anchoredAt, "anchoredAt");
        Objects.requireNonNull(submitter, "submitter");
    }

    public RecordHash root() {
        return request.root();
    }
}
