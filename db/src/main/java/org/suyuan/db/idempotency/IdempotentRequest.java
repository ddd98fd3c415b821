package org.suyuan.db.idempotency;

/**
 * A POST that carried an Idempotency-Key, as stored: the request it stands for and, once it has succeeded, the
 * response it got, so a retry gets the same answer.
 *
 * @param requestFingerprint what makes two requests with the key "the same"
 * @param responseStatus with the other {@code response…} fields, null while the request is in progress
 */
public record IdempotentRequest(
        String requestFingerprint,
        State state,
        Integer responseStatus,
        String responseContentType,
        String responseLocation,
        byte[] responseBody) {

    /** Whether the first request is still being handled or has its response stored. */
    public enum State {
        IN_PROGRESS,
        COMPLETED
    }
}
