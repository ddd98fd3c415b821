package org.suyuan.portal;

import org.springframework.stereotype.Component;
import org.suyuan.anchoring.AnchoringService;
import org.suyuan.anchoring.EventAnchoring;

/** Where a batch's record stands with the ledger, as the dashboard and the batch page show it. */
@Component
class AnchoringStates {

    /** Anchored on the ledger, waiting for it, or not known (recorded before anchoring was running). */
    enum State {
        ANCHORED,
        PENDING,
        UNKNOWN
    }

    private final AnchoringService anchoring;

    AnchoringStates(AnchoringService anchoring) {
        this.anchoring = anchoring;
    }

    /**
     * The state of a batch's newest event: the head of its hash chain, which commits to the whole history, so the
     * batch counts as anchored once its head is.
     */
    State ofHead(Long eventId) {
        return anchoring
                .anchoringOf(eventId)
                .map(state -> state instanceof EventAnchoring.Anchored ? State.ANCHORED : State.PENDING)
                .orElse(State.UNKNOWN);
    }
}
