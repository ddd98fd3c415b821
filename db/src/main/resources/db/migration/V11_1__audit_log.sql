-- The audit log: who did what, when, and from which network. Sign-ins that failed or were throttled, sign-ins on the
-- pages, password changes, tokens issued and revoked, users and organizations created, exports, recalls. Rows are
-- only ever inserted. The network is a keyed pseudonym of the client's IPv4 /24 or IPv6 /48, like the scan log's:
-- never the address itself (个人信息保护法). region_code is the region an entry concerns, so that a regulator reads
-- the recalls and exports of their jurisdiction.
CREATE TABLE audit_entry (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    occurred_at  DATETIME(6)   NOT NULL,
    actor        VARCHAR(100)  NOT NULL,
    actor_role   VARCHAR(20),
    action       VARCHAR(40)   NOT NULL,
    subject      VARCHAR(200),
    region_code  VARCHAR(6),
    detail       VARCHAR(1000),
    network      VARCHAR(32)   NOT NULL
);

CREATE INDEX ix_audit_entry_time ON audit_entry (occurred_at, id);
CREATE INDEX ix_audit_entry_region ON audit_entry (region_code, id);
