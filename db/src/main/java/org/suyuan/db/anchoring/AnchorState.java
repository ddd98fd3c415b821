package org.suyuan.db.anchoring;

/** Where an anchor stands between the outbox and the ledger. */
public enum AnchorState {
    /** Stored with its leaves assigned, not yet confirmed by the ledger; submitted (again) until it is. */
    PREPARED,
    /** The ledger committed it; the receipt is stored. Final. */
    ANCHORED,
    /** The ledger holds a different anchor under the same root; an operator must look. Final. */
    FAILED;

    boolean canBecome(AnchorState next) {
        return this == PREPARED && next != PREPARED;
    }
}
