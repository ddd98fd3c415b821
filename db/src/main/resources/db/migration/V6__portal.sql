-- Producer portal: imports of production records from CSV/XLSX files.
-- A job is one uploaded file. Its events are recorded all-or-nothing in one transaction of their own; this row
-- tracks the progress in small separate transactions (so a progress page served by any instance sees it) and
-- keeps the row-by-row report. Portable across MySQL 8, MariaDB 10.11 and H2 in MySQL mode.
CREATE TABLE import_job (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    organization_id BIGINT       NOT NULL,
    username        VARCHAR(100) NOT NULL,
    filename        VARCHAR(255) NOT NULL,
    state           VARCHAR(20)  NOT NULL,
    total_rows      INT          NOT NULL,
    processed_rows  INT          NOT NULL,
    recorded_rows   INT          NOT NULL,
    problem_count   INT          NOT NULL,
    -- JSON: [{"row": 12, "column": "日期", "message": "..."}], the first few hundred problems
    report          LONGTEXT,
    created_at      DATETIME(6)  NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    finished_at     DATETIME(6),
    version         BIGINT       NOT NULL,
    CONSTRAINT fk_import_job_organization FOREIGN KEY (organization_id) REFERENCES organization (id)
);

CREATE INDEX ix_import_job_organization ON import_job (organization_id, id);
