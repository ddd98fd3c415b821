-- What consumers' scans leave behind, and what the integrity audit finds.

-- One row per scan of a code's public page or trace API. No IP address is stored: only a keyed hash of the
-- client's coarse network (IPv4 /24, IPv6 /48), enough to tell "many places" from "one place" and nothing more
-- (个人信息保护法: the raw address is never written).
CREATE TABLE scan (
    id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code        VARCHAR(20) NOT NULL,
    batch_id    BIGINT      NOT NULL,
    scanned_at  DATETIME(6) NOT NULL,
    network     VARCHAR(32) NOT NULL
);

CREATE INDEX ix_scan_code ON scan (code, scanned_at);

-- A serial scanned far more often, or from more networks in a window, than one item can be: possibly copied
-- labels. One alert per code per window; inspectors see them on the console.
CREATE TABLE scan_alert (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code            VARCHAR(20)  NOT NULL,
    batch_id        BIGINT       NOT NULL,
    organization_id BIGINT       NOT NULL,
    raised_at       DATETIME(6)  NOT NULL,
    window_start    DATETIME(6)  NOT NULL,
    scans           INT          NOT NULL,
    networks        INT          NOT NULL,
    reason          VARCHAR(300) NOT NULL
);

CREATE INDEX ix_scan_alert_code ON scan_alert (code, raised_at);
CREATE INDEX ix_scan_alert_organization ON scan_alert (organization_id, raised_at);

-- A run of the integrity audit: every leaf and every root recomputed from the database and every root checked
-- against the ledger. Reports are kept; findings name the batch and its trace code.
CREATE TABLE integrity_audit (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    started_at       DATETIME(6)  NOT NULL,
    finished_at      DATETIME(6),
    started_by       VARCHAR(100) NOT NULL,
    batches_checked  BIGINT       NOT NULL,
    events_checked   BIGINT       NOT NULL,
    roots_checked    BIGINT       NOT NULL,
    findings         INT          NOT NULL,
    state            VARCHAR(20)  NOT NULL,
    error            VARCHAR(1000)
);

CREATE TABLE integrity_finding (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    audit_id        BIGINT        NOT NULL,
    kind            VARCHAR(30)   NOT NULL,
    batch_id        BIGINT,
    organization_id BIGINT,
    batch_number    VARCHAR(64),
    code            VARCHAR(20),
    sequence_number INT,
    anchor_sequence BIGINT,
    detail          VARCHAR(1000) NOT NULL,
    CONSTRAINT fk_finding_audit FOREIGN KEY (audit_id) REFERENCES integrity_audit (id)
);

CREATE INDEX ix_finding_audit ON integrity_finding (audit_id, id);
CREATE INDEX ix_finding_organization ON integrity_finding (organization_id, audit_id);

-- A scan reads its batch's leaves to find the latest anchored event.
CREATE INDEX ix_anchor_leaf_batch ON anchor_leaf (batch_id, event_id);

-- The worker reads pending leaves (anchor_id null) in id order. uk_anchor_leaf_position is (anchor_id, leaf_index),
-- and leaf_index is null too while a leaf waits, so with a backlog of hundreds of thousands MariaDB sorted them
-- all on every poll (0.3 to 0.9 s each, seen in the scan benchmark). This index hands them out in order.
CREATE INDEX ix_anchor_leaf_pending ON anchor_leaf (anchor_id, id);
