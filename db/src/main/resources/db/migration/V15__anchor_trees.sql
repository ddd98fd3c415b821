-- Issue 13: anchoring a window no longer writes an inclusion proof into every leaf row. A window of 16,384 leaves
-- took 16,384 single-row UPDATEs (anchor_id, leaf_index, a 900-character proof_path), most of the worker's time.
-- Now the worker claims each run of consecutive leaf ids with one UPDATE (anchor_id, and leaf_index computed from
-- the id) and stores the tree once per anchor, cut into aligned subtrees of subtree_size leaves: the subtrees'
-- roots in one row, and each subtree's leaf hashes, as they were anchored, in a row of their own. A leaf's proof is
-- rebuilt when asked from its subtree's row and the roots (MerkleTree.proof).
--
-- The leaf hashes are a copy, not read back from anchor_leaf, so that altering one leaf row spoils only that leaf's
-- proof, as with a stored proof per leaf, and not the proofs of the other events of its subtree.
--
-- anchor_leaf.proof_path stays: leaves anchored before this migration keep their stored proofs and are read as
-- before; it is null for leaves anchored after it.
-- Hashes are stored as hex, 64 characters each, concatenated, left to right; LONGTEXT for the roots because their
-- count follows the configurable window size.
CREATE TABLE anchor_tree (
    anchor_id     BIGINT   NOT NULL PRIMARY KEY,
    subtree_size  INT      NOT NULL,
    subtree_roots LONGTEXT NOT NULL,
    CONSTRAINT fk_anchor_tree_anchor FOREIGN KEY (anchor_id) REFERENCES anchor (id),
    CONSTRAINT ck_anchor_tree_subtree_size CHECK (subtree_size >= 1)
);

CREATE TABLE anchor_subtree (
    anchor_id     BIGINT   NOT NULL,
    subtree_index INT      NOT NULL,
    leaf_hashes   LONGTEXT NOT NULL,
    CONSTRAINT pk_anchor_subtree PRIMARY KEY (anchor_id, subtree_index),
    CONSTRAINT fk_anchor_subtree_tree FOREIGN KEY (anchor_id) REFERENCES anchor_tree (anchor_id)
);
