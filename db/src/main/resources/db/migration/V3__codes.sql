-- Product identification codes (issue 3): every batch's trace code and its per-item serials (一物一码).
-- Portable across MySQL 8, MariaDB 10.11 and H2 in MySQL mode.

-- How much of the harvest one item holds (e.g. 0.5 KG per bag), which caps the serials of a batch.
-- Both null: one item per harvested unit. The unit is a QuantityUnit name (KG, JIN, G, TON, PIECE, BOX...).
ALTER TABLE product ADD COLUMN item_size_amount DECIMAL(13, 3);
ALTER TABLE product ADD COLUMN item_size_unit VARCHAR(10);

-- Every code ever issued. The code itself is the primary key, so two application instances can never issue
-- the same one: the second insert fails and that instance mints again. Rows are never deleted, so a code is
-- never reused; a lost or stolen code is disabled, not removed.
--
-- item_number is 0 for the batch's trace code and 1, 2, 3... for its serials in the order issued; the unique
-- key gives a batch at most one trace code and keeps serial numbers gap-free under concurrent issuing.
CREATE TABLE issued_code (
    code            VARCHAR(17)  NOT NULL,
    kind            VARCHAR(10)  NOT NULL,
    organization_id BIGINT       NOT NULL,
    batch_id        BIGINT       NOT NULL,
    item_number     INT          NOT NULL,
    issued_at       DATETIME(6)  NOT NULL,
    issued_by       VARCHAR(100),
    status          VARCHAR(10)  NOT NULL,
    disabled_at     DATETIME(6),
    disabled_by     VARCHAR(100),
    disabled_reason VARCHAR(200),
    version         BIGINT       NOT NULL,
    CONSTRAINT pk_issued_code PRIMARY KEY (code),
    CONSTRAINT uk_issued_code_item UNIQUE (batch_id, item_number),
    CONSTRAINT fk_issued_code_batch FOREIGN KEY (batch_id) REFERENCES batch (id),
    CONSTRAINT fk_issued_code_organization FOREIGN KEY (organization_id) REFERENCES organization (id),
    CONSTRAINT ck_issued_code_kind CHECK ((kind = 'BATCH' AND item_number = 0) OR (kind = 'ITEM' AND item_number >= 1)),
    CONSTRAINT ck_issued_code_status CHECK (status IN ('ACTIVE', 'DISABLED'))
);
