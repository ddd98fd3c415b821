package org.suyuan.db.supervision;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One drawn batch of a spot-check round: planned, then sampled, then passed or failed. */
@Entity
@Table(name = "spot_check_task")
public class SpotCheckTask {

    /** Where the task stands. */
    public enum State {
        PLANNED,
        SAMPLED,
        PASSED,
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long roundId;

    private Long batchId;

    private Long organizationId;

    private int drawRank;

    private String weight;

    @Enumerated(EnumType.STRING)
    private State state;

    private String sampleNumber;

    private String samplers;

    private LocalDate sampledOn;

    private String samplingPlace;

    private String sealNumber;

    private String sampledBy;

    @Column(columnDefinition = "text")
    private String result;

    private Boolean passed;

    private Long reportAttachmentId;

    private String resultBy;

    private Instant resultAt;

    protected SpotCheckTask() {}

    public SpotCheckTask(Long roundId, Long batchId, Long organizationId, int drawRank, String weight) {
        this.roundId = roundId;
        this.batchId = batchId;
        this.organizationId = organizationId;
        this.drawRank = drawRank;
        this.weight = weight;
        this.state = State.PLANNED;
    }

    /** The sample was taken and sealed on site. */
    public void recordSampling(
            String sampleNumber,
            String samplers,
            LocalDate sampledOn,
            String samplingPlace,
            String sealNumber,
            String sampledBy) {
        if (state != State.PLANNED) {
            throw new IllegalStateException("Task " + id + " was already sampled");
        }
        this.sampleNumber = sampleNumber;
        this.samplers = samplers;
        this.sampledOn = sampledOn;
        this.samplingPlace = samplingPlace;
        this.sealNumber = sealNumber;
        this.sampledBy = sampledBy;
        this.state = State.SAMPLED;
    }

    /** The laboratory's result; a task gets one result. */
    public void recordResult(String result, boolean passed, Long reportAttachmentId, String resultBy, Instant at) {
        if (state != State.SAMPLED) {
            throw new IllegalStateException("Task " + id + " is " + state + ", not awaiting a result");
        }
        this.result = result;
        this.passed = passed;
        this.reportAttachmentId = reportAttachmentId;
        this.resultBy = resultBy;
        this.resultAt = at;
        this.state = passed ? State.PASSED : State.FAILED;
    }

    public Long getId() {
        return id;
    }

    public Long getRoundId() {
        return roundId;
    }

    public Long getBatchId() {
        return batchId;
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public int getDrawRank() {
        return drawRank;
    }

    public String getWeight() {
        return weight;
    }

    public State getState() {
        return state;
    }

    public String getSampleNumber() {
        return sampleNumber;
    }

    public String getSamplers() {
        return samplers;
    }

    public LocalDate getSampledOn() {
        return sampledOn;
    }

    public String getSamplingPlace() {
        return samplingPlace;
    }

    public String getSealNumber() {
        return sealNumber;
    }

    public String getSampledBy() {
        return sampledBy;
    }

    /** The tested items with measured values and limits, as JSON. */
    public String getResult() {
        return result;
    }

    public Boolean getPassed() {
        return passed;
    }

    public Long getReportAttachmentId() {
        return reportAttachmentId;
    }

    public String getResultBy() {
        return resultBy;
    }

    public Instant getResultAt() {
        return resultAt;
    }
}
