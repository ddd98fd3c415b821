package org.suyuan.code;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.suyuan.archive.EventRecorded;

/**
 * Gives every new batch its trace code in the transaction that opens it: the first event of a batch (sequence
 * 1, 建档) is published inside that transaction, so the batch and its code are stored together or not at all.
 */
@Component
class BatchCodeIssuer {

    private final CodeService codes;

    BatchCodeIssuer(CodeService codes) {
        this.codes = codes;
    }

    @EventListener
    void onEventRecorded(EventRecorded event) {
        if (event.sequenceNumber() == 1) {
            codes.issueBatchCodeOnOpening(event.organizationId(), event.batchId());
        }
    }
}
