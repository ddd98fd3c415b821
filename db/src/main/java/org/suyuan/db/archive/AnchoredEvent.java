package org.suyuan.db.archive;

import org.suyuan.db.anchoring.Anchor;
import org.suyuan.db.anchoring.AnchorLeaf;

/**
 * An event with its anchor leaf and the leaf's anchor, read together, as a scan needs them.
 *
 * @param leaf null while the event has none (it always has one once recorded; a missing one is for the checks)
 * @param anchor null while the leaf is in no anchor yet
 */
public record AnchoredEvent(BatchEvent event, AnchorLeaf leaf, Anchor anchor) {}
