package org.suyuan.db.anchoring;

import java.time.Instant;

/**
 * Leaves that wait for the ledger.
 *
 * @param leaves how many
 * @param oldestCreatedAt when the oldest of them was written, or {@code null} when none waits
 */
public record Backlog(long leaves, Instant oldestCreatedAt) {

    public static final Backlog EMPTY = new Backlog(0, null);

    /** Both backlogs together. */
    public Backlog plus(Backlog other) {
        Instant oldest = oldestCreatedAt == null
                ? other.oldestCreatedAt
                : other.oldestCreatedAt == null || oldestCreatedAt.isBefore(other.oldestCreatedAt)
                        ? oldestCreatedAt
                        : other.oldestCreatedAt;
        return new Backlog(leaves + other.leaves, oldest);
    }
}
