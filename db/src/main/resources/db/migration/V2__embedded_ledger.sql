-- The embedded ledger (org.suyuan.ledger.embedded.EmbeddedLedger): an append-only, hash-chained log of
-- anchored Merkle roots, for running Suyuan without a Fabric network.
--
-- Rows are only ever inserted, one per anchor, numbered 1, 2, 3... without gaps. Each row's entry_hash is
--   SHA-256( previous row's entry_hash as 32 bytes, or 32 zero bytes for row 1
--            || UTF-8 of the RFC 8785 canonical JSON of this row's anchor columns )
-- so editing, deleting or reordering a row breaks the chain at that row (EmbeddedLedger.verifyLog()).
--
-- The keys keep the log a single chain when several application instances anchor at once: an insert that
-- raced for the same sequence number or the same predecessor fails and is retried on the new head.
-- Times are UTC, to the microsecond. Portable across MySQL 8, MariaDB 10.11 and H2 in MySQL mode.
CREATE TABLE ledger_anchor (
    sequence_number     BIGINT       NOT NULL,
    root                VARCHAR(64)  NOT NULL,
    leaf_count          BIGINT       NOT NULL,
    previous_root       VARCHAR(64),
    window_start        DATETIME(6)  NOT NULL,
    window_end          DATETIME(6)  NOT NULL,
    anchored_at         DATETIME(6)  NOT NULL,
    submitter           VARCHAR(128) NOT NULL,
    previous_entry_hash VARCHAR(64),
    entry_hash          VARCHAR(64)  NOT NULL,
    CONSTRAINT pk_ledger_anchor PRIMARY KEY (sequence_number),
    CONSTRAINT uk_ledger_anchor_root UNIQUE (root),
    CONSTRAINT uk_ledger_anchor_entry_hash UNIQUE (entry_hash),
    CONSTRAINT uk_ledger_anchor_previous_entry_hash UNIQUE (previous_entry_hash),
    CONSTRAINT ck_ledger_anchor_sequence_number CHECK (sequence_number >= 1),
    CONSTRAINT ck_ledger_anchor_leaf_count CHECK (leaf_count >= 1)
);
