package org.suyuan.db.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/** A POST that carried an Idempotency-Key, and the response it got, so a retry gets the same answer. */
@Entity
@Table(name = "idempotent_request")
public class IdempotentRequest {

    /** Whether the first request is still being handled or has its response stored. */
    public enum State {
        IN_PROGRESS,
        COMPLETED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    private String idempotencyKey;

    private String requestFingerprint;

    @Enumerated(EnumType.STRING)
    private State state;

    private Integer responseStatus;

    private String responseContentType;

    private String responseLocation;

    @Lob
    @Column(columnDefinition = "longblob")
    private byte[] responseBody;

    private Instant createdAt;

    protected IdempotentRequest() {}

    public IdempotentRequest(String username, String idempotencyKey, String requestFingerprint, Instant createdAt) {
        this.username = username;
        this.idempotencyKey = idempotencyKey;
        this.requestFingerprint = requestFingerprint;
        this.state = State.IN_PROGRESS;
        this.createdAt = createdAt;
    }

    public void complete(int status, String contentType, String location, byte[] body) {
        this.state = State.COMPLETED;
        this.responseStatus = status;
        this.responseContentType = contentType;
        this.responseLocation = location;
        this.responseBody = body;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public String getRequestFingerprint() {
        return requestFingerprint;
    }

    public State getState() {
        return state;
    }

    public Integer getResponseStatus() {
        return responseStatus;
    }

    public String getResponseContentType() {
        return responseContentType;
    }

    public String getResponseLocation() {
        return responseLocation;
    }

    public byte[] getResponseBody() {
        return responseBody;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
