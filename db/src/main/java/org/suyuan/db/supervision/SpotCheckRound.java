package org.suyuan.db.supervision;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A planned round of spot checks (抽检): who drew it, from which candidates, with which seed. */
@Entity
@Immutable
@Table(name = "spot_check_round")
public class SpotCheckRound {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String jurisdictionCode;

    private String title;

    private String plannedBy;

    private Instant plannedAt;

    private String seed;

    private int sampleSize;

    private int weightingVersion;

    @Column(columnDefinition = "longtext")
    private String inputs;

    private String inputsHash;

    protected SpotCheckRound() {}

    public SpotCheckRound(
            String jurisdictionCode,
            String title,
            String plannedBy,
            Instant plannedAt,
            String seed,
            int sampleSize,
            int weightingVersion,
            String inputs,
            String inputsHash) {
        this.jurisdictionCode = jurisdictionCode;
        this.title = title;
        this.plannedBy = plannedBy;
        this.plannedAt = plannedAt;
        this.seed = seed;
        this.sampleSize = sampleSize;
        this.weightingVersion = weightingVersion;
        this.inputs = inputs;
        this.inputsHash = inputsHash;
    }

    public Long getId() {
        return id;
    }

    public String getJurisdictionCode() {
        return jurisdictionCode;
    }

    public String getTitle() {
        return title;
    }

    public String getPlannedBy() {
        return plannedBy;
    }

    public Instant getPlannedAt() {
        return plannedAt;
    }

    public String getSeed() {
        return seed;
    }

    public int getSampleSize() {
        return sampleSize;
    }

    public int getWeightingVersion() {
        return weightingVersion;
    }

    /** Canonical JSON of the candidates and their weights, exactly as drawn from. */
    public String getInputs() {
        return inputs;
    }

    public String getInputsHash() {
        return inputsHash;
    }
}
