package org.suyuan.db.verification;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One run of the integrity audit, kept as its report's header; its findings are {@link IntegrityFinding}s. */
@Entity
@Table(name = "integrity_audit")
public class IntegrityAudit {

    /** Where a run stands. */
    public enum State {
        RUNNING,
        /** Finished; the counts and findings are complete. */
        FINISHED,
        /** Stopped by an error (the ledger could not be asked, say); the findings so far are kept. */
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Instant startedAt;

    private Instant finishedAt;

    private String startedBy;

    private long batchesChecked;

    private long eventsChecked;

    private long rootsChecked;

    private int findings;

    @Enumerated(EnumType.STRING)
    private State state;

    private String error;

    protected IntegrityAudit() {}

    public IntegrityAudit(Instant startedAt, String startedBy) {
        this.startedAt = startedAt;
        this.startedBy = startedBy;
        this.state = State.RUNNING;
    }

    public void finish(Instant at, long batches, long events, long roots, int findingCount) {
        record(at, batches, events, roots, findingCount);
        this.state = State.FINISHED;
    }

    public void fail(Instant at, long batches, long events, long roots, int findingCount, String message) {
        record(at, batches, events, roots, findingCount);
        this.state = State.FAILED;
        this.error = message == null || message.length() <= 1000 ? message : message.substring(0, 1000);
    }

    private void record(Instant at, long batches, long events, long roots, int findingCount) {
        this.finishedAt = at;
        this.batchesChecked = batches;
        this.eventsChecked = events;
        this.rootsChecked = roots;
        this.findings = findingCount;
    }

    public Long getId() {
        return id;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public String getStartedBy() {
        return startedBy;
    }

    public long getBatchesChecked() {
        return batchesChecked;
    }

    public long getEventsChecked() {
        return eventsChecked;
    }

    public long getRootsChecked() {
        return rootsChecked;
    }

    public int getFindings() {
        return findings;
    }

    public State getState() {
        return state;
    }

    public String getError() {
        return error;
    }
}
