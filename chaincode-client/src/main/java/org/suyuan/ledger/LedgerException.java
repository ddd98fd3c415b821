package org.suyuan.ledger;

import java.util.Optional;

/** The one failure of the {@link Ledger} port, whatever the adapter. */
public final class LedgerException extends RuntimeException {

    /** Why the ledger did not do what was asked; callers decide on retries from this alone. */
    public enum Reason {
        /** The ledger cannot be reached or did not answer in time; retrying later may succeed. */
        UNAVAILABLE(true),
        /** The transaction lost a concurrency race (Fabric MVCC_READ_CONFLICT); retrying may succeed. */
        CONCURRENT_UPDATE(true),
        /** The root is already anchored with different content; retrying never helps. */
        CONFLICT(false),
        /** The ledger refused the request (endorsement failure, invalid argument, access denied). */
        REJECTED(false);

        private final boolean retryable;

        Reason(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final Reason reason;
    private final String transactionId;

    private LedgerException(Reason reason, String message, String transactionId, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.transactionId = transactionId;
    }

    public static LedgerException unavailable(String message, String transactionId, Throwable cause) {
        return new LedgerException(Reason.UNAVAILABLE, message, transactionId, cause);
    }

    public static LedgerException concurrentUpdate(String message, String transactionId, Throwable cause) {
        return new LedgerException(Reason.CONCURRENT_UPDATE, message, transactionId, cause);
    }

    public static LedgerException conflict(RecordHash root, String message, String transactionId) {
        return new LedgerException(
                Reason.CONFLICT, "Root " + root + " is already anchored differently: " + message, transactionId, null);
    }

    public static LedgerException rejected(String message, String transactionId, Throwable cause) {
        return new LedgerException(Reason.REJECTED, message, transactionId, cause);
    }

    public Reason reason() {
        return reason;
    }

    public boolean retryable() {
        return reason.retryable();
    }

    /** The transaction id the failure concerns, when one was assigned before it failed. */
    public Optional<String> transactionId() {
        return Optional.ofNullable(transactionId);
    }
}
