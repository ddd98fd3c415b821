package org.suyuan.verification;

import java.time.Instant;
import java.util.List;
import org.suyuan.anchoring.EventAnchoring;
import org.suyuan.ledger.AnchorReceipt;

/**
 * A batch's stored record, recomputed and compared with its anchor.
 *
 * @param events how many events the batch holds
 * @param findings what does not match; empty when the record is intact
 * @param latestAnchored the newest event the ledger has anchored, or null when none is yet
 * @param anchoredEvents how many events, from the first, the anchor vouches for
 * @param onLedger the ledger's anchor of {@code latestAnchored}'s root, or null
 * @param pendingSince when the oldest event not yet anchored was recorded, or null when all are anchored
 * @param ledgerUnavailable the ledger could not be asked about a root it had not confirmed before
 */
public record Integrity(
        int events,
        List<Finding> findings,
        EventAnchoring.Anchored latestAnchored,
        int anchoredEvents,
        AnchorReceipt onLedger,
        Instant pendingSince,
        boolean ledgerUnavailable) {

    public Integrity {
        findings = List.copyOf(findings);
    }

    public boolean intact() {
        return findings.isEmpty();
    }

    /** Intact, and every event is in a root the ledger confirmed. */
    public boolean verified() {
        return intact() && !ledgerUnavailable && onLedger != null && anchoredEvents == events;
    }
}
