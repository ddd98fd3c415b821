package org.suyuan.db.anchoring;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One Merkle root over a window of event hashes, on its way to the ledger or anchored there.
 *
 * <p>Everything the ledger is asked to store (root, leaf count, previous root, window) is fixed when the anchor is
 * prepared, so a resubmission after a crash sends exactly the same request. Times are kept in whole seconds, as
 * MySQL Connector/J writes them to MariaDB, so that a row reads back the same on every database.
 */
@Entity
@Table(name = "anchor")
public class Anchor {

    private static final int ERROR_MAX_LENGTH = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long sequenceNumber;

    private String root;

    private long leafCount;

    private String previousRoot;

    private Instant windowStart;

    private Instant windowEnd;

    @Enumerated(EnumType.STRING)
    private AnchorState state;

    private Instant preparedAt;

    private int attempts;

    private Instant nextAttemptAt;

    private String lastError;

    private String transactionId;

    private Long blockNumber;

    private Instant anchoredAt;

    @Version
    private long version;

    protected Anchor() {}

    /**
     * A prepared anchor, to be submitted at once.
     *
     * @param sequenceNumber its place in the chain of anchors, from 1
     * @param previousRoot the root of anchor {@code sequenceNumber - 1}, or {@code null} for the first
     */
    public Anchor(
            long sequenceNumber,
            String root,
            long leafCount,
            String previousRoot,
            Instant windowStart,
            Instant windowEnd,
            Instant preparedAt) {
        if (sequenceNumber < 1 || leafCount < 1) {
            throw new IllegalArgumentException("An anchor has a sequence number and a leaf count of at least 1, got "
                    + sequenceNumber + " and " + leafCount);
        }
        this.sequenceNumber = sequenceNumber;
        this.root = Objects.requireNonNull(root, "root");
        this.leafCount = leafCount;
        this.previousRoot = previousRoot;
        this.windowStart = seconds(windowStart);
        this.windowEnd = seconds(windowEnd);
        this.preparedAt = seconds(preparedAt);
        this.nextAttemptAt = this.preparedAt;
        this.state = AnchorState.PREPARED;
    }

    /** A submission failed in a way that may pass later; the anchor stays prepared and waits until then. */
    public void submissionFailed(String error, Instant retryAt) {
        requireState(AnchorState.PREPARED);
        attempts++;
        lastError = truncated(error);
        // Rounded up, so that the whole-second column never lets a retry come early.
        Instant whole = seconds(retryAt);
        nextAttemptAt = whole.equals(retryAt) ? whole : whole.plusSeconds(1);
    }

    /**
     * The ledger committed the anchor.
     *
     * @return false when it was already recorded as anchored (by another worker), which changes nothing
     */
    public boolean anchored(String transactionId, long blockNumber, Instant anchoredAt) {
        if (state == AnchorState.ANCHORED && Objects.equals(this.transactionId, transactionId)) {
            return false;
        }
        moveTo(AnchorState.ANCHORED);
        attempts++;
        this.transactionId = Objects.requireNonNull(transactionId, "transactionId");
        this.blockNumber = blockNumber;
        this.anchoredAt = seconds(anchoredAt);
        this.lastError = null;
        return true;
    }

    /** The ledger holds a different anchor under this root: retrying can never help. */
    public void conflicted(String error) {
        moveTo(AnchorState.FAILED);
        attempts++;
        lastError = truncated(error);
    }

    private void moveTo(AnchorState next) {
        if (!state.canBecome(next)) {
            throw new IllegalStateException("Anchor " + sequenceNumber + " is " + state + " and cannot become " + next);
        }
        state = next;
    }

    private void requireState(AnchorState expected) {
        if (state != expected) {
            throw new IllegalStateException("Anchor " + sequenceNumber + " is " + state + ", not " + expected);
        }
    }

    private static Instant seconds(Instant instant) {
        return Objects.requireNonNull(instant, "instant").truncatedTo(ChronoUnit.SECONDS);
    }

    private static String truncated(String error) {
        if (error == null) {
            return null;
        }
        return error.length() <= ERROR_MAX_LENGTH ? error : error.substring(0, ERROR_MAX_LENGTH - 1) + "…";
    }

    public Long getId() {
        return id;
    }

    public long getSequenceNumber() {
        return sequenceNumber;
    }

    public String getRoot() {
        return root;
    }

    public long getLeafCount() {
        return leafCount;
    }

    /** The root of the anchor before this one, or {@code null} for the first anchor. */
    public String getPreviousRoot() {
        return previousRoot;
    }

    public Instant getWindowStart() {
        return windowStart;
    }

    public Instant getWindowEnd() {
        return windowEnd;
    }

    public AnchorState getState() {
        return state;
    }

    public Instant getPreparedAt() {
        return preparedAt;
    }

    /** How many times it was submitted, including the successful submission. */
    public int getAttempts() {
        return attempts;
    }

    /** When a prepared anchor may be submitted (again). */
    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    /** The ledger transaction that stored the anchor, once anchored. */
    public String getTransactionId() {
        return transactionId;
    }

    public Long getBlockNumber() {
        return blockNumber;
    }

    /** The ledger's time for the anchoring transaction, in whole seconds, once anchored. */
    public Instant getAnchoredAt() {
        return anchoredAt;
    }
}
