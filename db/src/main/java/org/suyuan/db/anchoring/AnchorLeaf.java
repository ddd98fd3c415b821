package org.suyuan.db.anchoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * One event hash in the anchoring outbox, with its place in an anchor once it has one.
 *
 * <p>Read-only for JPA: rows are written by {@link AnchorOutbox} (the recording transaction inserts them, the
 * worker claims them a run of ids at a time), so this mapping serves lookups only.
 */
@Entity
@Immutable
@Table(name = "anchor_leaf")
public class AnchorLeaf {

    @Id
    private Long id;

    private Long eventId;

    private Long batchId;

    private String eventHash;

    private Instant createdAt;

    private Long anchorId;

    private Long leafIndex;

    @Column(columnDefinition = "text")
    private String proofPath;

    protected AnchorLeaf() {}

    public Long getId() {
        return id;
    }

    public Long getEventId() {
        return eventId;
    }

    public Long getBatchId() {
        return batchId;
    }

    public String getEventHash() {
        return eventHash;
    }

    /** When the event was recorded and its leaf started waiting. */
    public Instant getCreatedAt() {
        return createdAt;
    }

    /** The anchor the leaf belongs to, or {@code null} while it waits for one. */
    public Long getAnchorId() {
        return anchorId;
    }

    /** The leaf's position in its anchor's tree, or {@code null} while it waits. */
    public Long getLeafIndex() {
        return leafIndex;
    }

    /**
     * The inclusion proof's sibling hashes from the leaf up to the root, 64 hex characters each, concatenated, as
     * leaves anchored before issue 13 stored it (empty for a tree of one leaf); {@code null} while the leaf waits
     * and for leaves anchored since, whose proof is rebuilt from their anchor's subtree roots ({@code anchor_tree}).
     */
    public String getProofPath() {
        return proofPath;
    }
}
