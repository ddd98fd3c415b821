-- Production archives (生产档案) and accounts.
-- One script for MySQL 8 / MariaDB 10.11 and H2 in MySQL mode: portable types only,
-- utf8mb4 comes from the server/database default (Chinese names and addresses).

CREATE TABLE organization (
    id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name                VARCHAR(200) NOT NULL,
    type                VARCHAR(20)  NOT NULL,
    credit_code         VARCHAR(18),
    -- An individual grower is identified by an ID-card number: kept encrypted, shown masked,
    -- and made unique through a keyed fingerprint (个人信息保护法).
    id_card_encrypted   VARCHAR(200),
    id_card_masked      VARCHAR(18),
    id_card_fingerprint VARCHAR(64),
    region_code         VARCHAR(6)   NOT NULL,
    address             VARCHAR(300) NOT NULL,
    contact_name        VARCHAR(100) NOT NULL,
    contact_phone       VARCHAR(30)  NOT NULL,
    created_at          DATETIME(6)  NOT NULL,
    version             BIGINT       NOT NULL,
    CONSTRAINT uk_organization_credit_code UNIQUE (credit_code),
    CONSTRAINT uk_organization_id_card UNIQUE (id_card_fingerprint)
);

CREATE INDEX ix_organization_region ON organization (region_code);

CREATE TABLE plot (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    organization_id BIGINT        NOT NULL,
    name            VARCHAR(100)  NOT NULL,
    region_code     VARCHAR(6)    NOT NULL,
    address         VARCHAR(300),
    latitude        DECIMAL(9, 6),
    longitude       DECIMAL(9, 6),
    area_mu         DECIMAL(12, 2),
    created_at      DATETIME(6)   NOT NULL,
    CONSTRAINT fk_plot_organization FOREIGN KEY (organization_id) REFERENCES organization (id),
    CONSTRAINT uk_plot_name UNIQUE (organization_id, name)
);

CREATE TABLE product (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    organization_id BIGINT       NOT NULL,
    name            VARCHAR(100) NOT NULL,
    category        VARCHAR(20)  NOT NULL,
    variety         VARCHAR(100) NOT NULL,
    gtin            VARCHAR(14),
    created_at      DATETIME(6)  NOT NULL,
    CONSTRAINT fk_product_organization FOREIGN KEY (organization_id) REFERENCES organization (id),
    CONSTRAINT uk_product_name UNIQUE (organization_id, name, variety)
);

CREATE TABLE batch (
    id              BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    organization_id BIGINT      NOT NULL,
    product_id      BIGINT      NOT NULL,
    plot_id         BIGINT      NOT NULL,
    batch_number    VARCHAR(40) NOT NULL,
    status          VARCHAR(20) NOT NULL,
    started_on      DATE        NOT NULL,
    created_at      DATETIME(6) NOT NULL,
    version         BIGINT      NOT NULL,
    CONSTRAINT fk_batch_organization FOREIGN KEY (organization_id) REFERENCES organization (id),
    CONSTRAINT fk_batch_product FOREIGN KEY (product_id) REFERENCES product (id),
    CONSTRAINT fk_batch_plot FOREIGN KEY (plot_id) REFERENCES plot (id),
    CONSTRAINT uk_batch_number UNIQUE (organization_id, batch_number)
);

CREATE INDEX ix_batch_status ON batch (organization_id, status);

-- The append-only event log. Rows are inserted and read, never updated or deleted by the
-- application; a correction is a new row whose supersedes_event_id names the corrected one.
-- event_hash = SHA-256(previous_hash || canonical JSON of the event), so the batch's last
-- event_hash commits to its whole history.
CREATE TABLE batch_event (
    id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    batch_id            BIGINT       NOT NULL,
    sequence_number     INT          NOT NULL,
    type                VARCHAR(30)  NOT NULL,
    occurred_on         DATE         NOT NULL,
    recorded_at         DATETIME(6)  NOT NULL,
    recorded_by         VARCHAR(100) NOT NULL,
    supersedes_event_id BIGINT,
    details             TEXT         NOT NULL,
    previous_hash       VARCHAR(64)  NOT NULL,
    event_hash          VARCHAR(64)  NOT NULL,
    CONSTRAINT fk_event_batch FOREIGN KEY (batch_id) REFERENCES batch (id),
    CONSTRAINT fk_event_supersedes FOREIGN KEY (supersedes_event_id) REFERENCES batch_event (id),
    CONSTRAINT uk_event_sequence UNIQUE (batch_id, sequence_number),
    -- An event is corrected at most once; a correction of a correction names the newer one.
    CONSTRAINT uk_event_supersedes UNIQUE (supersedes_event_id)
);

CREATE TABLE attachment (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    batch_id        BIGINT       NOT NULL,
    filename        VARCHAR(255) NOT NULL,
    content_type    VARCHAR(100) NOT NULL,
    size_bytes      BIGINT       NOT NULL,
    sha256          VARCHAR(64)  NOT NULL,
    content         LONGBLOB     NOT NULL,
    uploaded_by     VARCHAR(100) NOT NULL,
    uploaded_at     DATETIME(6)  NOT NULL,
    CONSTRAINT fk_attachment_batch FOREIGN KEY (batch_id) REFERENCES batch (id)
);

CREATE INDEX ix_attachment_batch ON attachment (batch_id);

-- Attempts the rules refused: inspectors see them (banned pesticide, early harvest...).
CREATE TABLE refused_attempt (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    organization_id BIGINT,
    batch_id        BIGINT,
    username        VARCHAR(100)  NOT NULL,
    attempted_at    DATETIME(6)   NOT NULL,
    rule            VARCHAR(60)   NOT NULL,
    event_type      VARCHAR(30),
    message         VARCHAR(1000) NOT NULL,
    request         TEXT          NOT NULL
);

CREATE INDEX ix_refused_attempt_organization ON refused_attempt (organization_id, attempted_at);

CREATE TABLE app_user (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username          VARCHAR(100) NOT NULL,
    password_hash     VARCHAR(200) NOT NULL,
    display_name      VARCHAR(100) NOT NULL,
    role              VARCHAR(20)  NOT NULL,
    organization_id   BIGINT,
    jurisdiction_code VARCHAR(6),
    enabled           BOOLEAN      NOT NULL,
    created_at        DATETIME(6)  NOT NULL,
    CONSTRAINT uk_app_user_username UNIQUE (username),
    CONSTRAINT fk_app_user_organization FOREIGN KEY (organization_id) REFERENCES organization (id)
);

-- Bearer tokens for integrators and phones: only their SHA-256 is kept.
CREATE TABLE api_token (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id      BIGINT       NOT NULL,
    name         VARCHAR(100) NOT NULL,
    token_hash   VARCHAR(64)  NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    expires_at   DATETIME(6),
    CONSTRAINT uk_api_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_api_token_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);

-- Responses remembered per (user, Idempotency-Key) so that a retried POST is answered, not redone.
CREATE TABLE idempotent_request (
    id                    BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username              VARCHAR(100) NOT NULL,
    idempotency_key       VARCHAR(100) NOT NULL,
    request_fingerprint   VARCHAR(64)  NOT NULL,
    state                 VARCHAR(20)  NOT NULL,
    response_status       INT,
    response_content_type VARCHAR(200),
    response_location     VARCHAR(500),
    response_body         LONGBLOB,
    created_at            DATETIME(6)  NOT NULL,
    CONSTRAINT uk_idempotent_request UNIQUE (username, idempotency_key)
);
