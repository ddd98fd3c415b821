package org.suyuan.db.idempotency;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.suyuan.db.SqlTimes;

/**
 * Idempotency keys and the responses they got, in SQL.
 *
 * <p>Plain JDBC rather than JPA: every POST with a key looks it up, inserts it and stores its response, and
 * through Hibernate that was an entity hydrated, a {@code saveAndFlush} and a dirty check flushed at commit, a
 * sixth of a single-event request's work. Statements run in the caller's transaction when there is one (Spring's
 * JPA transaction manager shares its connection), which is what makes the key, the request's effects and the
 * stored response one unit. Times are bound as text, as the anchoring outbox binds them, so that MariaDB keeps
 * their fractions of a second.
 */
@Repository
public class IdempotentRequestRepository {

    private final JdbcTemplate jdbc;

    IdempotentRequestRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The request a user sent with this key, if any (in progress or completed). */
    public Optional<IdempotentRequest> find(String username, String idempotencyKey) {
        return jdbc
                .query(
                        "SELECT request_fingerprint, state, response_status, response_content_type,"
                                + " response_location, response_body FROM idempotent_request"
                                + " WHERE username = ? AND idempotency_key = ?",
                        (row, index) -> new IdempotentRequest(
                                row.getString("request_fingerprint"),
                                IdempotentRequest.State.valueOf(row.getString("state")),
                                row.getObject("response_status", Integer.class),
                                row.getString("response_content_type"),
                                row.getString("response_location"),
                                row.getBytes("response_body")),
                        username,
                        idempotencyKey)
                .stream()
                .findFirst();
    }

    /**
     * Claims the key for a request now in progress, in the caller's transaction; a concurrent request with the same
     * key waits on the key's unique index until this transaction ends, and is then refused.
     *
     * @return the claim's id, for {@link #complete}
     * @throws org.springframework.dao.DuplicateKeyException if the user has already used the key
     */
    public long start(String username, String idempotencyKey, String requestFingerprint, Instant createdAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    PreparedStatement statement = connection.prepareStatement(
                            "INSERT INTO idempotent_request (username, idempotency_key, request_fingerprint, state,"
                                    + " created_at) VALUES (?, ?, ?, ?, ?)",
                            Statement.RETURN_GENERATED_KEYS);
                    statement.setString(1, username);
                    statement.setString(2, idempotencyKey);
                    statement.setString(3, requestFingerprint);
                    statement.setString(4, IdempotentRequest.State.IN_PROGRESS.name());
                    statement.setString(5, SqlTimes.text(createdAt));
                    return statement;
                },
                key);
        return key.getKeyAs(Number.class).longValue();
    }

    /** Stores the response of a request {@link #start started} in the same transaction, for its retries. */
    public void complete(long id, int status, String contentType, String location, byte[] body) {
        jdbc.update(
                "UPDATE idempotent_request SET state = ?, response_status = ?, response_content_type = ?,"
                        + " response_location = ?, response_body = ? WHERE id = ?",
                statement -> {
                    statement.setString(1, IdempotentRequest.State.COMPLETED.name());
                    statement.setInt(2, status);
                    statement.setObject(3, contentType, Types.VARCHAR);
                    statement.setObject(4, location, Types.VARCHAR);
                    statement.setBytes(5, body);
                    statement.setLong(6, id);
                });
    }

    /** Forgets keys older than the retention window; their retries would be too late to be the same intent. */
    public int deleteCreatedBefore(Instant before) {
        return jdbc.update("DELETE FROM idempotent_request WHERE created_at < ?", SqlTimes.text(before));
    }
}
