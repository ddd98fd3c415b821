package org.suyuan.ledger.embedded;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.suyuan.ledger.AnchorReceipt;
import org.suyuan.ledger.AnchorRequest;
import org.suyuan.ledger.Ledger;
import org.suyuan.ledger.LedgerException;
import org.suyuan.ledger.RecordHash;

/**
 * The {@link Ledger} kept in the application's own database: an append-only log of anchors in the table
 * {@code ledger_anchor}, each entry hash-chained to the one before (see {@link AnchorLogEntry} for the exact
 * hash input, and the migration {@code V2__embedded_ledger.sql}).
 *
 * <p>It lets Suyuan run on one machine without a Fabric network, with the same semantics as the Fabric
 * adapter: anchoring an identical request again returns the stored receipt, a different request for an
 * anchored root fails with {@link LedgerException.Reason#CONFLICT}. The entry's sequence number serves as
 * block number and its entry hash as transaction id.
 *
 * <p>What it can and cannot prove: the chain makes an edited, deleted or reordered entry evident ({@link
 * #verifyLog()}), but whoever controls the database can rewrite the whole tail of the log consistently. That
 * is the reason production anchors on Fabric, where no single operator holds the ledger.
 *
 * <p>Concurrency. Several application instances may anchor into one MySQL database at once, and the log must
 * stay a single chain. Each anchor reads the head without locking and inserts the next entry; the primary key
 * on the sequence number and the unique key on the previous entry hash make the database refuse a second
 * entry after the same head, and the loser retries on the new head (a few attempts with a short random
 * pause). This was chosen over {@code SELECT … FOR UPDATE} on the head row because an empty log has no row to
 * lock, and because it behaves the same on MySQL, MariaDB and H2, whatever their isolation level. Anchors come
 * once per window (seconds apart), so retries are rare.
 *
 * <p>Times are stored to the microsecond (the columns' precision): a request is stored, hashed and compared
 * for replay with its window cut to microseconds. Thread-safe; it holds no connection between calls.
 */
public final class EmbeddedLedger implements Ledger {

    /** The submitter recorded when none is configured. */
    public static final String DEFAULT_SUBMITTER = "embedded";

    private static final int MAX_ATTEMPTS = 20;
    private static final int VERIFY_PAGE_SIZE = 1_000;
    private static final int SUBMITTER_MAX_LENGTH = 128;

    private static final String COLUMNS = "sequence_number, root, leaf_count, previous_root, window_start,"
            + " window_end, anchored_at, submitter, previous_entry_hash, entry_hash";
    private static final String SELECT_BY_ROOT = "SELECT " + COLUMNS + " FROM ledger_anchor WHERE root = ?";
    private static final String SELECT_HEAD =
            "SELECT " + COLUMNS + " FROM ledger_anchor ORDER BY sequence_number DESC LIMIT 1";
    private static final String SELECT_PAGE = "SELECT " + COLUMNS
            + " FROM ledger_anchor WHERE sequence_number > ? ORDER BY sequence_number LIMIT " + VERIFY_PAGE_SIZE;
    private static final String INSERT =
            "INSERT INTO ledger_anchor (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final DateTimeFormatter SQL_DATETIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    private final DataSource dataSource;
    private final Clock clock;
    private final String submitter;

    /**
     * @param dataSource the application's database, migrated with {@code V2__embedded_ledger.sql}
     * @param clock the source of each anchor's time
     * @param submitter the name recorded as submitter of every anchor, such as the instance or organisation
     */
    public EmbeddedLedger(DataSource dataSource, Clock clock, String submitter) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(submitter, "submitter");
        if (submitter.isBlank()
                || submitter.length() > SUBMITTER_MAX_LENGTH
                || !StandardCharsets.UTF_8.newEncoder().canEncode(submitter)) {
            throw new IllegalArgumentException(
                    "A submitter is a name of 1 to " + SUBMITTER_MAX_LENGTH + " characters, got: '" + submitter + "'");
        }
        this.submitter = submitter;
    }

    /** An embedded ledger on the system clock (UTC) that records {@value #DEFAULT_SUBMITTER} as submitter. */
    public EmbeddedLedger(DataSource dataSource) {
        this(dataSource, Clock.systemUTC(), DEFAULT_SUBMITTER);
    }

    @Override
    public AnchorReceipt anchor(AnchorRequest request) {
        AnchorRequest stored = AnchorLogEntry.atMicroseconds(Objects.requireNonNull(request, "request"));
        SQLException lastRace = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                return tryAnchor(stored);
            } catch (IllegalArgumentException unreadable) {
                throw damaged(unreadable);
            } catch (SQLException e) {
                if (!lostRace(e)) {
                    throw LedgerException.unavailable(
                            "The embedded ledger's database failed: " + e.getMessage(), null, e);
                }
                lastRace = e;
                pauseBeforeRetry(attempt);
            }
        }
        throw LedgerException.concurrentUpdate(
                "Gave up appending to the embedded ledger after " + MAX_ATTEMPTS + " races with other writers",
                null,
                lastRace);
    }

    @Override
    public Optional<AnchorReceipt> find(RecordHash root) {
        Objects.requireNonNull(root, "root");
        try (Connection connection = dataSource.getConnection()) {
            return findEntry(connection, root).map(AnchorLogEntry::receipt);
        } catch (IllegalArgumentException unreadable) {
            throw damaged(unreadable);
        } catch (SQLException e) {
            throw LedgerException.unavailable("The embedded ledger's database failed: " + e.getMessage(), null, e);
        }
    }

    @Override
    public String kind() {
        return "embedded";
    }

    /**
     * Re-checks the whole log from its first entry: sequence numbers run 1, 2, 3… without gaps, each entry
     * names the entry hash of the one before, and each entry hash matches the entry's stored columns.
     *
     * @return the number of entries checked and the first one that breaks the chain, if any
     * @throws LedgerException if the database cannot be read
     */
    public LogVerification verifyLog() {
        long checked = 0;
        Optional<AnchorLogEntry> previous = Optional.empty();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(SELECT_PAGE)) {
            while (true) {
                long expectedSequenceNumber =
                        previous.map(AnchorLogEntry::sequenceNumber).orElse(0L) + 1;
                statement.setLong(1, expectedSequenceNumber - 1);
                boolean pageEmpty = true;
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        pageEmpty = false;
                        checked++;
                        AnchorLogEntry entry;
                        try {
                            entry = read(rows);
                        } catch (IllegalArgumentException unreadable) {
                            return LogVerification.broken(
                                    checked,
                                    rows.getLong("sequence_number"),
                                    "entry " + rows.getLong("sequence_number") + " cannot be read: "
                                            + unreadable.getMessage());
                        }
                        Optional<String> problem = problemOf(entry, previous);
                        if (problem.isPresent()) {
                            return LogVerification.broken(
                                    checked, Math.min(entry.sequenceNumber(), expectedSequenceNumber), problem.get());
                        }
                        previous = Optional.of(entry);
                        expectedSequenceNumber++;
                    }
                }
                if (pageEmpty) {
                    return LogVerification.intact(checked);
                }
            }
        } catch (SQLException e) {
            throw LedgerException.unavailable("The embedded ledger's database failed: " + e.getMessage(), null, e);
        }
    }

    private AnchorReceipt tryAnchor(AnchorRequest request) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                Optional<AnchorLogEntry> existing = findEntry(connection, request.root());
                if (existing.isPresent()) {
                    connection.commit();
                    return replayOrConflict(existing.get(), request);
                }
                AnchorLogEntry entry = AnchorLogEntry.append(readHead(connection), request, clock.instant(), submitter);
                insert(connection, entry);
                connection.commit();
                return entry.receipt();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private static AnchorReceipt replayOrConflict(AnchorLogEntry stored, AnchorRequest request) {
        if (stored.request().equals(request)) {
            return stored.receipt();
        }
        throw LedgerException.conflict(
                request.root(),
                "stored " + describe(stored.request()) + ", requested " + describe(request),
                stored.entryHash().hex());
    }

    /** A stored entry no longer has valid columns; nothing but an audit of the log can help. */
    private static LedgerException damaged(RuntimeException unreadable) {
        return LedgerException.rejected(
                "The embedded ledger holds an entry that cannot be read (run verifyLog()): " + unreadable.getMessage(),
                null,
                unreadable);
    }

    private static String describe(AnchorRequest request) {
        return "{leafCount=" + request.leafCount() + ", previousRoot="
                + request.previousRoot().map(RecordHash::hex).orElse("none") + ", window=" + request.windowStart()
                + ".." + request.windowEnd() + "}";
    }

    /** Another writer got there first: the same sequence number, predecessor or root, or a deadlock victim. */
    private static boolean lostRace(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return e instanceof SQLIntegrityConstraintViolationException
                || e instanceof SQLTransientException
                || state.startsWith("23") // integrity constraint violation (duplicate key)
                || state.startsWith("40") // transaction rollback (deadlock, serialisation failure)
                || state.equals("HYT00") // H2 lock timeout
                || e.getErrorCode() == 1205; // MySQL lock wait timeout
    }

    private static void pauseBeforeRetry(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * Math.min(attempt, 10) + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LedgerException.unavailable("Interrupted while retrying an embedded anchor", null, e);
        }
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    private static Optional<AnchorLogEntry> findEntry(Connection connection, RecordHash root) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT_BY_ROOT)) {
            statement.setString(1, root.hex());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    private static Optional<AnchorLogEntry> readHead(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT_HEAD);
                ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(read(rows)) : Optional.empty();
        }
    }

    private static void insert(Connection connection, AnchorLogEntry entry) throws SQLException {
        AnchorRequest request = entry.request();
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            statement.setLong(1, entry.sequenceNumber());
            statement.setString(2, request.root().hex());
            statement.setLong(3, request.leafCount());
            statement.setString(4, request.previousRoot().map(RecordHash::hex).orElse(null));
            statement.setString(5, utc(request.windowStart()));
            statement.setString(6, utc(request.windowEnd()));
            statement.setString(7, utc(entry.anchoredAt()));
            statement.setString(8, entry.submitter());
            statement.setString(
                    9, entry.previousEntryHash().map(RecordHash::hex).orElse(null));
            statement.setString(10, entry.entryHash().hex());
            statement.executeUpdate();
        }
    }

    /**
     * An entry as stored. A row whose columns are no longer valid (for example a hash edited into something that
     * is not a hash) cannot be read back as an entry; {@link #verifyLog()} reports it as broken.
     */
    private static AnchorLogEntry read(ResultSet row) throws SQLException {
        String previousRoot = row.getString("previous_root");
        String previousEntryHash = row.getString("previous_entry_hash");
        AnchorRequest request = new AnchorRequest(
                RecordHash.parse(row.getString("root")),
                row.getLong("leaf_count"),
                Optional.ofNullable(previousRoot).map(RecordHash::parse),
                instant(row, "window_start"),
                instant(row, "window_end"));
        return new AnchorLogEntry(
                row.getLong("sequence_number"),
                request,
                instant(row, "anchored_at"),
                row.getString("submitter"),
                Optional.ofNullable(previousEntryHash).map(RecordHash::parse),
                RecordHash.parse(row.getString("entry_hash")));
    }

    private static Optional<String> problemOf(AnchorLogEntry entry, Optional<AnchorLogEntry> previous) {
        long expectedSequenceNumber =
                previous.map(AnchorLogEntry::sequenceNumber).orElse(0L) + 1;
        if (entry.sequenceNumber() != expectedSequenceNumber) {
            return Optional.of("expected entry " + expectedSequenceNumber + " but found entry " + entry.sequenceNumber()
                    + ": an entry is missing");
        }
        Optional<RecordHash> expectedPrevious = previous.map(AnchorLogEntry::entryHash);
        if (!entry.previousEntryHash().equals(expectedPrevious)) {
            return Optional.of("entry " + entry.sequenceNumber() + " names previous entry hash "
                    + entry.previousEntryHash().map(RecordHash::hex).orElse("none") + " but the entry before it has "
                    + expectedPrevious.map(RecordHash::hex).orElse("none"));
        }
        RecordHash recomputed = entry.recomputedEntryHash();
        if (!recomputed.equals(entry.entryHash())) {
            return Optional.of("entry " + entry.sequenceNumber() + " stores entry hash " + entry.entryHash()
                    + " but its content hashes to " + recomputed + ": the entry was changed");
        }
        return Optional.empty();
    }

    /**
     * A time as SQL text in UTC. Bound as text rather than as a {@code LocalDateTime} because MySQL Connector/J
     * drops the fraction of a second when the server is MariaDB (which announces itself as version 5.5.5, from
     * before fractional seconds); every supported database converts this text to DATETIME(6) exactly.
     */
    private static String utc(Instant instant) {
        return SQL_DATETIME.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }
}
