package org.suyuan.anchoring;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.suyuan.BoundedCache;
import org.suyuan.ledger.AnchorReceipt;
import org.suyuan.ledger.Ledger;
import org.suyuan.ledger.RecordHash;

/**
 * Roots the ledger has confirmed, remembered: a committed anchor never changes, so one lookup per root suffices
 * (scans of popular products check the same few roots over and over). Only confirmations are remembered; a root
 * the ledger does not know yet may be anchored a moment later.
 */
@Component
class RootConfirmations {

    private static final int CAPACITY = 10_000;

    private final Ledger ledger;
    private final BoundedCache<RecordHash, AnchorReceipt> confirmed = new BoundedCache<>(CAPACITY);

    RootConfirmations(Ledger ledger) {
        this.ledger = ledger;
    }

    /** The ledger's anchor of a root, from memory when it was seen before. */
    Optional<AnchorReceipt> find(RecordHash root) {
        return confirmed.find(root, ledger::find);
    }
}
