package org.suyuan.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.suyuan.ledger.embedded.AnchorFixtures.WINDOW_END;
import static org.suyuan.ledger.embedded.AnchorFixtures.WINDOW_START;
import static org.suyuan.ledger.embedded.AnchorFixtures.anchorAfter;
import static org.suyuan.ledger.embedded.AnchorFixtures.firstAnchor;
import static org.suyuan.ledger.embedded.AnchorFixtures.root;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.suyuan.ledger.AnchorReceipt;
import org.suyuan.ledger.AnchorRequest;
import org.suyuan.ledger.LedgerException;
import org.suyuan.ledger.RecordHash;
import org.suyuan.ledger.proof.HashChain;

@ParameterizedClass
@EnumSource(TestDatabase.class)
class EmbeddedLedgerTests {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    private final TestDatabase database;
    private DataSource dataSource;
    private MutableClock clock;
    private EmbeddedLedger ledger;

    EmbeddedLedgerTests(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void migrateDatabase() throws SQLException {
        dataSource = database.migratedDataSource();
        clock = new MutableClock(NOW);
        ledger = new EmbeddedLedger(dataSource, clock, EmbeddedLedger.DEFAULT_SUBMITTER);
    }

    @AfterEach
    void releaseDatabase() throws SQLException {
        if (dataSource != null) {
            database.release(dataSource);
        }
    }

    @Test
    void anchorIsStoredWithSequenceNumberAsBlockAndEntryHashAsTransaction() {
        AnchorRequest request = firstAnchor("window-1");

        AnchorReceipt receipt = ledger.anchor(request);

        assertThat(receipt.request()).isEqualTo(request);
        assertThat(receipt.blockNumber()).isEqualTo(1);
        assertThat(receipt.anchoredAt()).isEqualTo(NOW);
        assertThat(receipt.submitter()).isEqualTo("embedded");
        assertThat(RecordHash.parse(receipt.transactionId())).isNotNull();
        assertThat(ledger.find(request.root())).contains(receipt);
        assertThat(ledger.kind()).isEqualTo("embedded");
    }

    @Test
    void entryHashIsTheHashChainLinkOverTheCanonicalEntry() {
        AnchorReceipt receipt = ledger.anchor(firstAnchor("window-1"));

        String canonicalEntry = "{\"anchoredAt\":\"2026-03-01T08:00:00.000000Z\",\"leafCount\":3,"
                + "\"previousRoot\":null,\"root\":\"" + root("window-1") + "\",\"sequenceNumber\":1,"
                + "\"submitter\":\"embedded\",\"windowEnd\":\"2026-03-01T07:59:59.250000Z\","
                + "\"windowStart\":\"2026-03-01T07:59:55.000000Z\"}";
        assertThat(receipt.transactionId())
                .isEqualTo(HashChain.link(null, canonicalEntry).hex());
    }

    @Test
    void replayOfIdenticalAnchorReturnsStoredReceipt() {
        AnchorReceipt first = ledger.anchor(firstAnchor("window-1"));
        clock.advance(Duration.ofMinutes(5));

        AnchorReceipt replay = ledger.anchor(firstAnchor("window-1"));

        assertThat(replay).isEqualTo(first);
        assertThat(ledger.verifyLog().entriesChecked()).isEqualTo(1);
    }

    @Test
    void differentAnchorForAnchoredRootFailsWithConflict() {
        AnchorReceipt stored = ledger.anchor(firstAnchor("window-1"));
        AnchorRequest different = new AnchorRequest(root("window-1"), 4, Optional.empty(), WINDOW_START, WINDOW_END);

        assertThatThrownBy(() -> ledger.anchor(different))
                .isInstanceOfSatisfying(LedgerException.class, conflict -> {
                    assertThat(conflict.reason()).isEqualTo(LedgerException.Reason.CONFLICT);
                    assertThat(conflict.retryable()).isFalse();
                    assertThat(conflict.transactionId()).contains(stored.transactionId());
                })
                .hasMessageContaining(root("window-1").hex())
                .hasMessageContaining("leafCount=3")
                .hasMessageContaining("leafCount=4");
        assertThat(ledger.find(root("window-1"))).contains(stored);
    }

    @Test
    void unknownRootIsNotFound() {
        ledger.anchor(firstAnchor("window-1"));

        assertThat(ledger.find(root("never anchored"))).isEmpty();
    }

    @Test
    void windowTimesAreKeptToTheMicrosecondAndReplayComparesAtThatPrecision() {
        Instant start = Instant.parse("2026-03-01T07:59:55.123456789Z");
        AnchorRequest request = new AnchorRequest(root("window-1"), 3, Optional.empty(), start, start);
        clock.advance(Duration.ofNanos(999));

        AnchorReceipt receipt = ledger.anchor(request);

        Instant stored = Instant.parse("2026-03-01T07:59:55.123456Z");
        assertThat(receipt.request().windowStart()).isEqualTo(stored);
        assertThat(receipt.request().windowEnd()).isEqualTo(stored);
        assertThat(receipt.anchoredAt()).isEqualTo(NOW);
        assertThat(ledger.anchor(request)).isEqualTo(receipt);
        assertThat(ledger.find(request.root())).contains(receipt);
    }

    @Test
    void successiveAnchorsFormOneHashChain() throws SQLException {
        AnchorReceipt first = ledger.anchor(firstAnchor("window-1"));
        clock.advance(Duration.ofSeconds(5));
        AnchorReceipt second = ledger.anchor(anchorAfter("window-2", "window-1"));
        clock.advance(Duration.ofSeconds(5));
        AnchorReceipt third = ledger.anchor(anchorAfter("window-3", "window-2"));

        assertThat(List.of(first.blockNumber(), second.blockNumber(), third.blockNumber()))
                .containsExactly(1L, 2L, 3L);
        assertThat(previousEntryHashes()).containsExactly(null, first.transactionId(), second.transactionId());
        assertThat(ledger.verifyLog()).isEqualTo(LogVerification.intact(3));
    }

    @Test
    void emptyLogIsIntact() {
        assertThat(ledger.verifyLog()).isEqualTo(LogVerification.intact(0));
    }

    @Test
    void concurrentAnchoringFromTwoInstancesYieldsOneUnbrokenChain() throws Exception {
        EmbeddedLedger otherInstance = new EmbeddedLedger(dataSource, clock, "embedded-2");
        int anchorsPerInstance = 25;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<AnchorReceipt>>> results = new ArrayList<>();
            for (EmbeddedLedger instance : List.of(ledger, otherInstance)) {
                results.add(threads.submit(() -> {
                    start.await();
                    List<AnchorReceipt> receipts = new ArrayList<>();
                    for (int index = 0; index < anchorsPerInstance; index++) {
                        receipts.add(
                                instance.anchor(firstAnchor(UUID.randomUUID().toString())));
                    }
                    return receipts;
                }));
            }
            start.countDown();

            List<AnchorReceipt> receipts = new ArrayList<>();
            for (Future<List<AnchorReceipt>> result : results) {
                receipts.addAll(result.get(60, TimeUnit.SECONDS));
            }

            assertThat(receipts)
                    .extracting(AnchorReceipt::blockNumber)
                    .containsExactlyInAnyOrderElementsOf(
                            java.util.stream.LongStream.rangeClosed(1, 2L * anchorsPerInstance)
                                    .boxed()
                                    .toList());
            assertThat(receipts).extracting(AnchorReceipt::submitter).containsOnly("embedded", "embedded-2");
            for (AnchorReceipt receipt : receipts) {
                assertThat(ledger.find(receipt.root())).contains(receipt);
            }
            assertThat(ledger.verifyLog()).isEqualTo(LogVerification.intact(2L * anchorsPerInstance));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void tamperedColumnIsDetectedAtItsEntry() throws SQLException {
        anchorThree();

        update("UPDATE ledger_anchor SET leaf_count = 99 WHERE sequence_number = 2");

        LogVerification verification = ledger.verifyLog();
        assertThat(verification.intact()).isFalse();
        assertThat(verification.entriesChecked()).isEqualTo(2);
        assertThat(verification.firstBrokenEntry()).hasValueSatisfying(broken -> {
            assertThat(broken.sequenceNumber()).isEqualTo(2);
            assertThat(broken.problem()).contains("was changed");
        });
    }

    @Test
    void rewrittenEntryWithRecomputedHashIsDetectedAtTheNextEntry() throws SQLException {
        List<AnchorReceipt> receipts = anchorThree();
        AnchorReceipt first = receipts.get(0);
        AnchorReceipt second = receipts.get(1);
        AnchorLogEntry firstEntry = new AnchorLogEntry(
                1,
                first.request(),
                first.anchoredAt(),
                first.submitter(),
                Optional.empty(),
                RecordHash.parse(first.transactionId()));
        AnchorRequest forgedRequest = new AnchorRequest(
                second.root(),
                99,
                second.request().previousRoot(),
                second.request().windowStart(),
                second.request().windowEnd());
        AnchorLogEntry forged =
                AnchorLogEntry.append(Optional.of(firstEntry), forgedRequest, second.anchoredAt(), second.submitter());

        update("UPDATE ledger_anchor SET leaf_count = 99, entry_hash = '" + forged.entryHash()
                + "' WHERE sequence_number = 2");

        assertThat(ledger.verifyLog().firstBrokenEntry()).hasValueSatisfying(broken -> {
            assertThat(broken.sequenceNumber()).isEqualTo(3);
            assertThat(broken.problem()).contains("previous entry hash");
        });
    }

    @Test
    void deletedEntryIsDetectedAsMissing() throws SQLException {
        anchorThree();

        update("DELETE FROM ledger_anchor WHERE sequence_number = 2");

        assertThat(ledger.verifyLog().firstBrokenEntry()).hasValueSatisfying(broken -> {
            assertThat(broken.sequenceNumber()).isEqualTo(2);
            assertThat(broken.problem()).contains("missing");
        });
    }

    @Test
    void entryThatCannotBeReadIsReportedAsBrokenAndRefusedOnLookup() throws SQLException {
        anchorThree();

        update("UPDATE ledger_anchor SET root = 'not a hash' WHERE sequence_number = 3");

        assertThat(ledger.verifyLog().firstBrokenEntry()).hasValueSatisfying(broken -> {
            assertThat(broken.sequenceNumber()).isEqualTo(3);
            assertThat(broken.problem()).contains("cannot be read");
        });
        assertThatThrownBy(() -> ledger.anchor(anchorAfter("window-4", "window-3")))
                .isInstanceOfSatisfying(
                        LedgerException.class,
                        failure -> assertThat(failure.reason()).isEqualTo(LedgerException.Reason.REJECTED));
    }

    @Test
    void databaseWithoutTheLedgerTableIsReportedAsUnavailable() {
        JdbcDataSource unmigrated = new JdbcDataSource();
        unmigrated.setURL("jdbc:h2:mem:unmigrated-" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE");
        EmbeddedLedger withoutTable = new EmbeddedLedger(unmigrated);

        assertThatThrownBy(() -> withoutTable.anchor(firstAnchor("window-1")))
                .isInstanceOfSatisfying(LedgerException.class, failure -> {
                    assertThat(failure.reason()).isEqualTo(LedgerException.Reason.UNAVAILABLE);
                    assertThat(failure.retryable()).isTrue();
                });
        assertThatThrownBy(() -> withoutTable.find(root("window-1"))).isInstanceOf(LedgerException.class);
    }

    @Test
    void submitterMustFitItsColumn() {
        assertThatThrownBy(() -> new EmbeddedLedger(dataSource, clock, " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EmbeddedLedger(dataSource, clock, "x".repeat(129)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private List<AnchorReceipt> anchorThree() {
        List<AnchorReceipt> receipts = new ArrayList<>();
        receipts.add(ledger.anchor(firstAnchor("window-1")));
        clock.advance(Duration.ofSeconds(5));
        receipts.add(ledger.anchor(anchorAfter("window-2", "window-1")));
        clock.advance(Duration.ofSeconds(5));
        receipts.add(ledger.anchor(anchorAfter("window-3", "window-2")));
        assertThat(ledger.verifyLog().intact()).isTrue();
        return receipts;
    }

    private List<String> previousEntryHashes() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT previous_entry_hash FROM ledger_anchor ORDER BY sequence_number");
                ResultSet rows = statement.executeQuery()) {
            List<String> hashes = new ArrayList<>();
            while (rows.next()) {
                hashes.add(rows.getString(1));
            }
            return hashes;
        }
    }

    private void update(String sql) throws SQLException {
        TestDatabase.execute(dataSource, sql);
    }
}
