-- The supply graph between batches (NY/T 4712-2025: each stage records where goods came from and went to).
-- A shipment to an organization on Suyuan is a PENDING link until the buyer confirms receipt, which opens the
-- buyer's downstream batch; processing links its input batches to the batch it produced.
CREATE TABLE batch_link (
    id                     BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind                   VARCHAR(20)    NOT NULL,
    state                  VARCHAR(20)    NOT NULL,
    source_batch_id        BIGINT         NOT NULL,
    source_event_id        BIGINT         NOT NULL,
    source_organization_id BIGINT         NOT NULL,
    target_organization_id BIGINT         NOT NULL,
    target_batch_id        BIGINT,
    quantity_amount        DECIMAL(19, 3),
    quantity_unit          VARCHAR(10),
    created_at             DATETIME(6)    NOT NULL,
    confirmed_at           DATETIME(6),
    CONSTRAINT fk_link_source_batch FOREIGN KEY (source_batch_id) REFERENCES batch (id),
    CONSTRAINT fk_link_source_event FOREIGN KEY (source_event_id) REFERENCES batch_event (id),
    CONSTRAINT fk_link_target_batch FOREIGN KEY (target_batch_id) REFERENCES batch (id),
    CONSTRAINT uk_link_source_target UNIQUE (source_event_id, source_batch_id)
);

CREATE INDEX ix_link_source ON batch_link (source_batch_id);
CREATE INDEX ix_link_target ON batch_link (target_batch_id);
CREATE INDEX ix_link_pending ON batch_link (target_organization_id, state);
