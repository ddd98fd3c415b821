package org.suyuan.portal;

import org.springframework.stereotype.Component;

/** Where a batch's record stands with the ledger, as the dashboard and the batch page show it. */
@Component
class AnchoringStates {

    /** Anchored on the ledger, waiting for it, or not known (anchoring is not running here). */
    enum State {
        ANCHORED,
        PENDING,
        UNKNOWN
    }

    /** The state of a batch's newest event: the head of its hash chain, which commits to the whole history. */
    State ofHead(Long eventId) {
        return State.UNKNOWN;
    }
}
