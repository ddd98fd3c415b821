package org.suyuan.db.archive;

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
import org.hibernate.annotations.Immutable;

/**
 * One entry of a batch's append-only production archive.
 *
 * <p>Immutable: Hibernate never issues an UPDATE for it, and there is no setter. A correction is a new event
 * whose {@code supersedesEventId} names the corrected one.
 */
@Entity
@Immutable
@Table(name = "batch_event")
public class BatchEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long batchId;

    private int sequenceNumber;

    @Enumerated(EnumType.STRING)
    private EventType type;

    private LocalDate occurredOn;

    private Instant recordedAt;

    private String recordedBy;

    private Long supersedesEventId;

    @Column(columnDefinition = "text")
    private String details;

    private String previousHash;

    private String eventHash;

    protected BatchEvent() {}

    public BatchEvent(
            Long batchId,
            int sequenceNumber,
            EventType type,
            LocalDate occurredOn,
            Instant recordedAt,
            String recordedBy,
            Long supersedesEventId,
            String details,
            String previousHash,
            String eventHash) {
        this.batchId = batchId;
        this.sequenceNumber = sequenceNumber;
        this.type = type;
        this.occurredOn = occurredOn;
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
        this.supersedesEventId = supersedesEventId;
        this.details = details;
        this.previousHash = previousHash;
        this.eventHash = eventHash;
    }

    /** A new, unsaved event with the same content and this hash: an event is hashed over its content first. */
    public BatchEvent withEventHash(String hash) {
        return new BatchEvent(
                batchId,
                sequenceNumber,
                type,
                occurredOn,
                recordedAt,
                recordedBy,
                supersedesEventId,
                details,
                previousHash,
                hash);
    }

    public Long getId() {
        return id;
    }

    public Long getBatchId() {
        return batchId;
    }

    public int getSequenceNumber() {
        return sequenceNumber;
    }

    public EventType getType() {
        return type;
    }

    public LocalDate getOccurredOn() {
        return occurredOn;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Long getSupersedesEventId() {
        return supersedesEventId;
    }

    /** The event's typed fields as canonical JSON. */
    public String getDetails() {
        return details;
    }

    public String getPreviousHash() {
        return previousHash;
    }

    public String getEventHash() {
        return eventHash;
    }
}
