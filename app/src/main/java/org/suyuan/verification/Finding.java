package org.suyuan.verification;

/**
 * One thing that does not match in a batch's stored record.
 *
 * @param sequenceNumber the event it concerns (its number in the batch), or null for the batch as a whole
 * @param detail what does not match, in plain Chinese, for reports and logs
 */
public record Finding(Kind kind, Integer sequenceNumber, String detail) {

    /** What kind of mismatch; the names are stable (API, stored audit reports). */
    public enum Kind {
        /** An event's content no longer gives its hash: a field was edited. */
        CHANGED,
        /** Events are gone: a gap in the numbering, or a break in the chain. */
        MISSING,
        /** Events are intact but stand in another order than the one they were chained in. */
        REORDERED,
        /** A photo or test report's bytes no longer match the hash recorded for them. */
        ATTACHMENT_CHANGED,
        /** An event differs from the copy that was anchored. */
        LEAF_CHANGED,
        /** The anchored root is not on the ledger, or the ledger holds a different tree. */
        NOT_ON_LEDGER,
        /** The inclusion proof does not lead from the event to the anchored root. */
        PROOF_FAILS
    }
}
