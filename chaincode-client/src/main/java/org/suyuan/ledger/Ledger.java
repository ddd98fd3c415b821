package org.suyuan.ledger;

import java.util.Optional;

/**
 * Where Merkle roots are anchored so that nobody, including the operator of Suyuan, can rewrite history
 * unnoticed.
 *
 * <p>Two adapters implement it: Hyperledger Fabric through the Gateway SDK (production) and an embedded,
 * hash-chained anchor log in the database (single machine, trying the service). Both have the same
 * semantics:
 *
 * <ul>
 *   <li>anchoring a root that is already anchored with identical content returns the stored anchor (a replay
 *       after a crash is harmless);
 *   <li>anchoring a root that is already anchored with different content fails with {@link
 *       LedgerException.Reason#CONFLICT}.
 * </ul>
 *
 * <p>Every failure is a {@link LedgerException}; no adapter type crosses this interface.
 */
public interface Ledger extends AutoCloseable {

    /**
     * Anchors a root and waits until the ledger has committed it.
     *
     * @return the anchor as the ledger stored it, with its transaction reference
     * @throws LedgerException if the ledger is unreachable, refuses the anchor or holds a different one
     */
    AnchorReceipt anchor(AnchorRequest request);

    /**
     * Looks a root up on the ledger.
     *
     * @return the stored anchor, or empty when the ledger has never seen this root
     * @throws LedgerException if the ledger cannot be asked
     */
    Optional<AnchorReceipt> find(RecordHash root);

    /**
     * How often {@link #anchor} found its root already anchored with the same content, since this instance was
     * created: a worker resubmitting an anchor whose first submission got through but whose answer was lost. On
     * Fabric each replay still puts a transaction of its own on the ledger, one that stores nothing (the contract
     * returns the stored anchor); the embedded ledger adds nothing.
     */
    default long replays() {
        return 0;
    }

    /** A short name for health reports and logs, such as {@code embedded} or {@code fabric}. */
    String kind();

    /** Releases connections; the default holds none. */
    @Override
    default void close() {}
}
