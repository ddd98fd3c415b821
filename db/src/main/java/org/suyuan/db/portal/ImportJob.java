package org.suyuan.db.portal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One uploaded file of production records and how its import went. The records themselves are written in one
 * transaction, all or nothing; this row only tells the producer how far it got and what was wrong.
 */
@Entity
@Table(name = "import_job")
public class ImportJob {

    /** Where an import is. Only forward: queued, running, then one of the three ends. */
    public enum State {
        QUEUED,
        RUNNING,
        /** Every row was recorded. */
        IMPORTED,
        /** At least one row was wrong, so none was recorded; the report says which. */
        REJECTED,
        /** Something other than the file went wrong (the server stopped, the database failed); nothing recorded. */
        FAILED;

        public boolean isFinished() {
            return this == IMPORTED || this == REJECTED || this == FAILED;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long organizationId;

    private String username;

    private String filename;

    @Enumerated(EnumType.STRING)
    private State state;

    private int totalRows;

    private int processedRows;

    private int recordedRows;

    private int problemCount;

    /** JSON; a plain string column, as {@code batch_event.details} is: H2 in MySQL mode reads LONGTEXT as VARCHAR. */
    @Column(columnDefinition = "longtext")
    private String report;

    private Instant createdAt;

    private Instant updatedAt;

    private Instant finishedAt;

    @Version
    private long version;

    protected ImportJob() {}

    public ImportJob(Long organizationId, String username, String filename, int totalRows, Instant createdAt) {
        this.organizationId = organizationId;
        this.username = username;
        this.filename = filename;
        this.state = State.QUEUED;
        this.totalRows = totalRows;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    public void start(Instant now) {
        if (state == State.QUEUED) {
            state = State.RUNNING;
            updatedAt = now;
        }
    }

    public void progress(int processedRows, Instant now) {
        this.processedRows = processedRows;
        this.updatedAt = now;
    }

    /** The import ended: every row recorded, or none (with the report of what was wrong). */
    public void finish(State end, int recordedRows, int problemCount, String report, Instant now) {
        if (!end.isFinished()) {
            throw new IllegalArgumentException("Not an end state: " + end);
        }
        if (state.isFinished()) {
            return;
        }
        this.state = end;
        this.processedRows = end == State.FAILED ? processedRows : totalRows;
        this.recordedRows = recordedRows;
        this.problemCount = problemCount;
        this.report = report;
        this.updatedAt = now;
        this.finishedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public String getUsername() {
        return username;
    }

    public String getFilename() {
        return filename;
    }

    public State getState() {
        return state;
    }

    public int getTotalRows() {
        return totalRows;
    }

    public int getProcessedRows() {
        return processedRows;
    }

    public int getRecordedRows() {
        return recordedRows;
    }

    public int getProblemCount() {
        return problemCount;
    }

    public String getReport() {
        return report;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }
}
