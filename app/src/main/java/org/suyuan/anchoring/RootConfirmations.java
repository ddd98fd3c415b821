package org.suyuan.anchoring;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
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
    private final Map<RecordHash, AnchorReceipt> confirmed = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<RecordHash, AnchorReceipt> eldest) {
            return size() > CAPACITY;
        }
    };

    RootConfirmations(Ledger ledger) {
        this.ledger = ledger;
    }

    /** The ledger's anchor of a root, from memory when it was seen before. */
    Optional<AnchorReceipt> find(RecordHash root) {
        synchronized (confirmed) {
            AnchorReceipt known = confirmed.get(root);
            if (known != null) {
                return Optional.of(known);
            }
        }
        Optional<AnchorReceipt> found = ledger.find(root);
        found.ifPresent(receipt -> {
            synchronized (confirmed) {
                confirmed.put(root, receipt);
            }
        });
        return found;
    }
}
