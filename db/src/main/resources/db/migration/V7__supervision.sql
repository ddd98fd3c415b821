-- The regulator's work: risk-weighted spot-check rounds (抽检) whose draw anyone can re-run from the recorded
-- seed and inputs, one task per drawn batch with its sampling and result, and notices to producers.

CREATE TABLE spot_check_round (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    jurisdiction_code VARCHAR(6)   NOT NULL,
    title             VARCHAR(200) NOT NULL,
    planned_by        VARCHAR(100) NOT NULL,
    planned_at        DATETIME(6)  NOT NULL,
    seed              VARCHAR(200) NOT NULL,
    sample_size       INT          NOT NULL,
    weighting_version INT          NOT NULL,
    -- Canonical JSON of every candidate with its weight and the weight's parts, in batch-id order.
    inputs            LONGTEXT     NOT NULL,
    inputs_hash       VARCHAR(64)  NOT NULL
);

CREATE INDEX ix_round_jurisdiction ON spot_check_round (jurisdiction_code, planned_at);

CREATE TABLE spot_check_task (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    round_id           BIGINT        NOT NULL,
    batch_id           BIGINT        NOT NULL,
    organization_id    BIGINT        NOT NULL,
    draw_rank          INT           NOT NULL,
    weight             VARCHAR(40)   NOT NULL,
    state              VARCHAR(20)   NOT NULL,
    sample_number      VARCHAR(60),
    samplers           VARCHAR(300),
    sampled_on         DATE,
    sampling_place     VARCHAR(300),
    seal_number        VARCHAR(60),
    sampled_by         VARCHAR(100),
    result             TEXT,
    passed             BOOLEAN,
    report_attachment_id BIGINT,
    result_by          VARCHAR(100),
    result_at          DATETIME(6),
    CONSTRAINT fk_task_round FOREIGN KEY (round_id) REFERENCES spot_check_round (id),
    CONSTRAINT fk_task_batch FOREIGN KEY (batch_id) REFERENCES batch (id),
    CONSTRAINT uk_task_round_batch UNIQUE (round_id, batch_id)
);

CREATE INDEX ix_task_organization ON spot_check_task (organization_id, state);

CREATE TABLE notice (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    organization_id BIGINT        NOT NULL,
    batch_id        BIGINT,
    kind            VARCHAR(40)   NOT NULL,
    message         VARCHAR(1000) NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    read_at         DATETIME(6),
    CONSTRAINT fk_notice_organization FOREIGN KEY (organization_id) REFERENCES organization (id)
);

CREATE INDEX ix_notice_organization ON notice (organization_id, created_at);
