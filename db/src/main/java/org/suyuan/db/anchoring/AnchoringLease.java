package org.suyuan.db.anchoring;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.suyuan.db.SqlTimes;

/**
 * A lease row naming the one instance whose anchoring worker works at the moment, taken with a conditional
 * {@code UPDATE} (no lock is held between calls, and it behaves the same on MySQL, MariaDB and H2).
 *
 * <p>The lease is about efficiency, not safety: two workers that both believe they hold it (a lapsed lease during
 * a long pause, clocks that disagree) still cannot anchor a leaf twice or fork the chain, because the anchor and
 * leaf keys refuse it. Times are the workers' clocks, bound as text to keep microseconds on MariaDB.
 */
@Repository
public class AnchoringLease {

    static final String NAME = "anchoring-worker";

    private final JdbcTemplate jdbc;

    AnchoringLease(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes or renews the lease for {@code holder} until {@code now + duration}, if nobody else holds an unexpired
     * one.
     *
     * @return whether {@code holder} holds the lease now
     */
    public boolean tryAcquire(String holder, Instant now, Duration duration) {
        Objects.requireNonNull(holder, "holder");
        return jdbc.update(
                        "UPDATE anchoring_lease SET holder = ?, expires_at = ? WHERE name = ? AND (holder = ? OR holder"
                                + " IS NULL OR expires_at < ?)",
                        holder,
                        SqlTimes.text(now.plus(duration)),
                        NAME,
                        holder,
                        SqlTimes.text(now))
                == 1;
    }

    /**
     * Extends the lease of {@code holder} to {@code now + duration} if it still holds it; never takes a lease over.
     *
     * @return whether {@code holder} still holds the lease
     */
    public boolean renew(String holder, Instant now, Duration duration) {
        Objects.requireNonNull(holder, "holder");
        return jdbc.update(
                        "UPDATE anchoring_lease SET expires_at = ? WHERE name = ? AND holder = ?",
                        SqlTimes.text(now.plus(duration)),
                        NAME,
                        holder)
                == 1;
    }

    /** Gives the lease up if {@code holder} has it, so another instance takes over at once. */
    public void release(String holder) {
        jdbc.update(
                "UPDATE anchoring_lease SET holder = NULL, expires_at = ? WHERE name = ? AND holder = ?",
                SqlTimes.text(Instant.EPOCH),
                NAME,
                holder);
    }
}
