-- Anchoring (org.suyuan.anchoring): the transactional outbox of event hashes waiting for the ledger, and the
-- anchors, each a Merkle root over one window of them, with the ledger's receipt.
-- Portable across MySQL 8, MariaDB 10.11 and H2 in MySQL mode. Times are UTC.

-- One row per anchor, in chain order. A worker first stores the anchor as PREPARED with its leaves assigned,
-- then submits it, then records the receipt (ANCHORED); after a crash it resubmits the PREPARED anchor unchanged,
-- which the ledger answers with the stored receipt. CONFLICT from the ledger leaves it FAILED for an operator.
-- The unique sequence number keeps the chain linear (previous_root is the root of sequence_number - 1) when
-- two instances race; the unique root keeps one set of leaves from being prepared twice.
CREATE TABLE anchor (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    sequence_number BIGINT        NOT NULL,
    root            VARCHAR(64)   NOT NULL,
    leaf_count      BIGINT        NOT NULL,
    previous_root   VARCHAR(64),
    window_start    DATETIME(6)   NOT NULL,
    window_end      DATETIME(6)   NOT NULL,
    state           VARCHAR(20)   NOT NULL,
    prepared_at     DATETIME(6)   NOT NULL,
    attempts        INT           NOT NULL,
    next_attempt_at DATETIME(6)   NOT NULL,
    last_error      VARCHAR(1000),
    transaction_id  VARCHAR(128),
    block_number    BIGINT,
    anchored_at     DATETIME(6),
    version         BIGINT        NOT NULL,
    CONSTRAINT uk_anchor_sequence_number UNIQUE (sequence_number),
    CONSTRAINT uk_anchor_root UNIQUE (root),
    CONSTRAINT ck_anchor_leaf_count CHECK (leaf_count >= 1),
    CONSTRAINT ck_anchor_sequence_number CHECK (sequence_number >= 1)
);

CREATE INDEX ix_anchor_state ON anchor (state, sequence_number);

-- The outbox: one row per event, written in the transaction that records the event. anchor_id is null while
-- the leaf waits; the worker sets anchor_id, leaf_index and proof_path in the transaction that prepares the
-- anchor, so a leaf belongs to one anchor at most (the update only claims rows whose anchor_id is still null).
-- proof_path is the RFC 9162 audit path from the leaf to the anchor's root: the sibling hashes, 64 hex characters
-- each, concatenated (empty for a one-leaf tree). The tree size to verify it against is the anchor's leaf_count.
-- created_at is kept to the microsecond (bound as text: Connector/J drops fractions on MariaDB) because it
-- measures anchoring lag and closes windows.
CREATE TABLE anchor_leaf (
    id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    event_id   BIGINT      NOT NULL,
    batch_id   BIGINT      NOT NULL,
    event_hash VARCHAR(64) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    anchor_id  BIGINT,
    leaf_index BIGINT,
    proof_path TEXT,
    CONSTRAINT uk_anchor_leaf_event UNIQUE (event_id),
    CONSTRAINT fk_anchor_leaf_event FOREIGN KEY (event_id) REFERENCES batch_event (id),
    CONSTRAINT fk_anchor_leaf_anchor FOREIGN KEY (anchor_id) REFERENCES anchor (id),
    -- Also the index the worker reads pending leaves with: anchor_id null, in id order.
    CONSTRAINT uk_anchor_leaf_position UNIQUE (anchor_id, leaf_index)
);

-- Which instance's worker anchors at the moment. Safety does not depend on it (the keys above do); it keeps
-- several instances from racing for every window. A lapsed lease is taken over.
CREATE TABLE anchoring_lease (
    name       VARCHAR(40)  NOT NULL PRIMARY KEY,
    holder     VARCHAR(200),
    expires_at DATETIME(6)  NOT NULL
);

INSERT INTO anchoring_lease (name, holder, expires_at) VALUES ('anchoring-worker', NULL, '1970-01-01 00:00:00');
