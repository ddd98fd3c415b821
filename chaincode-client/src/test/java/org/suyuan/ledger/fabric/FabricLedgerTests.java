package org.suyuan.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.suyuan.ledger.fabric.AnchorRequests.chainedAnchor;
import static org.suyuan.ledger.fabric.AnchorRequests.conflictingAnchor;
import static org.suyuan.ledger.fabric.AnchorRequests.firstAnchor;
import static org.suyuan.ledger.fabric.AnchorRequests.rootOf;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.MethodDescriptor;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.suyuan.ledger.AnchorReceipt;
import org.suyuan.ledger.AnchorRequest;
import org.suyuan.ledger.LedgerException;

/** The Fabric adapter end to end: real Gateway SDK, in-process gateway emulator, real contract. */
class FabricLedgerTests {

    private static final Duration COMMIT_WAIT = Duration.ofSeconds(10);

    @TempDir
    static Path credentialsDirectory;

    private static TestCredentials credentials;

    private GatewayEmulator emulator = GatewayEmulator.create();
    private FabricLedger ledger = ledgerWith(FabricSettings.Deadlines.defaults());

    @BeforeAll
    static void generateCredentials() {
        credentials = TestCredentials.generate(credentialsDirectory);
    }

    @AfterEach
    void stop() {
        ledger.close();
        emulator.close();
    }

    @Test
    void anchorsARootAndFindsTheSameReceiptWithItsBlockNumber() {
        AnchorRequest request = chainedAnchor("window 2", "window 1");

        AnchorReceipt receipt = ledger.anchor(request);

        assertThat(receipt.request()).isEqualTo(request);
        assertThat(receipt.submitter()).isEqualTo(TestCredentials.MSP_ID);
        assertThat(receipt.blockNumber()).isPositive();
        assertThat(receipt.anchoredAt()).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
        assertThat(emulator.committedTransactions()).singleElement().satisfies(transaction -> {
            assertThat(transaction.transactionId()).isEqualTo(receipt.transactionId());
            assertThat(transaction.blockNumber()).isEqualTo(receipt.blockNumber());
            assertThat(transaction.valid()).isTrue();
            assertThat(transaction.eventName()).isEqualTo("AnchorRecorded");
        });
        assertThat(ledger.find(request.root())).contains(receipt);
    }

    @Test
    void findsNothingForARootNeverAnchored() {
        assertThat(ledger.find(rootOf("never anchored"))).isEmpty();
    }

    @Test
    void returnsTheStoredAnchorWhenTheSameRequestIsAnchoredAgain() {
        AnchorReceipt first = ledger.anchor(firstAnchor("window 1"));

        assertThat(ledger.replays()).isZero();
        AnchorReceipt replay = ledger.anchor(firstAnchor("window 1"));

        assertThat(replay).isEqualTo(first);
        assertThat(anchorEvents()).as("one event, for the first anchor only").hasSize(1);
        assertThat(emulator.worldState()).hasSize(1);
        assertThat(ledger.replays())
                .as("the second call committed a transaction that stored nothing")
                .isEqualTo(1);
    }

    @Test
    void refusesAConflictingAnchorKeepingTheTransactionIdAndTheChaincodeMessage() {
        AnchorReceipt first = ledger.anchor(firstAnchor("window 1"));

        assertThatThrownBy(() -> ledger.anchor(conflictingAnchor("window 1")))
                .isInstanceOfSatisfying(LedgerException.class, e -> {
                    assertThat(e.reason()).isEqualTo(LedgerException.Reason.CONFLICT);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.transactionId()).isPresent().get().isNotEqualTo(first.transactionId());
                    assertThat(e.getMessage())
                            .contains("chaincode response 500, ANCHOR_CONFLICT: root " + first.root())
                            .contains(TestCredentials.MSP_ID);
                });
        assertThat(ledger.find(first.root())).contains(first);
    }

    @Test
    void reportsAnUnreachableGatewayAsRetryableAndAnchorsOnceItIsBack() {
        emulator.makeUnavailable();

        assertThatThrownBy(() -> ledger.anchor(firstAnchor("window 1")))
                .isInstanceOfSatisfying(LedgerException.class, e -> {
                    assertThat(e.reason()).isEqualTo(LedgerException.Reason.UNAVAILABLE);
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.transactionId()).isPresent();
                    assertThat(e.getMessage()).contains("endorsement", "UNAVAILABLE");
                });
        assertThatThrownBy(() -> ledger.find(rootOf("window 1")))
                .isInstanceOfSatisfying(
                        LedgerException.class,
                        e -> assertThat(e.reason()).isEqualTo(LedgerException.Reason.UNAVAILABLE));

        emulator.makeAvailable();
        AnchorReceipt receipt = ledger.anchor(firstAnchor("window 1"));

        assertThat(emulator.committedTransactions())
                .singleElement()
                .satisfies(
                        transaction -> assertThat(transaction.transactionId()).isEqualTo(receipt.transactionId()));
    }

    @Test
    void anchorsOnceWhenRetriesOutlastATimedOutage() {
        emulator.makeUnavailableFor(Duration.ofMillis(500));
        List<LedgerException> failures = new ArrayList<>();

        AnchorReceipt receipt = await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> anchorOrRecord(firstAnchor("window 1"), failures), Objects::nonNull);

        assertThat(failures)
                .isNotEmpty()
                .allSatisfy(failure -> assertThat(failure.retryable()).isTrue());
        assertThat(emulator.committedTransactions())
                .singleElement()
                .satisfies(
                        transaction -> assertThat(transaction.transactionId()).isEqualTo(receipt.transactionId()));
    }

    @Test
    void reportsAnExceededDeadlineAsUnavailable() {
        replaceLedger(new FabricSettings.Deadlines(null, Duration.ofMillis(200), null, null));
        emulator.delay(GatewayEmulator.Rpc.ENDORSE, Duration.ofSeconds(1));

        assertThatThrownBy(() -> ledger.anchor(firstAnchor("window 1")))
                .isInstanceOfSatisfying(LedgerException.class, e -> {
                    assertThat(e.reason()).isEqualTo(LedgerException.Reason.UNAVAILABLE);
                    assertThat(e.transactionId()).isPresent();
                    assertThat(e.getMessage()).contains("DEADLINE_EXCEEDED");
                });
    }

    @Test
    void appliesEachStageItsOwnDeadline() {
        replaceLedger(new FabricSettings.Deadlines(Duration.ofMillis(300), Duration.ofSeconds(10), null, null));
        emulator.delay(GatewayEmulator.Rpc.ENDORSE, Duration.ofMillis(600));

        AnchorReceipt receipt = ledger.anchor(firstAnchor("window 1"));

        emulator.clearDelays();
        emulator.delay(GatewayEmulator.Rpc.EVALUATE, Duration.ofMillis(600));
        assertThatThrownBy(() -> ledger.find(receipt.root())).isInstanceOfSatisfying(LedgerException.class, e -> {
            assertThat(e.reason()).isEqualTo(LedgerException.Reason.UNAVAILABLE);
            assertThat(e.getMessage()).contains("evaluation", "DEADLINE_EXCEEDED");
        });
    }

    @Test
    void setsTheConfiguredDeadlineOnEveryGatewayCall() {
        Map<String, Duration> deadlines = new ConcurrentHashMap<>();
        ClientInterceptor recorder = new ClientInterceptor() {
            @Override
            public <Q, R> ClientCall<Q, R> interceptCall(
                    MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
                deadlines.put(
                        method.getBareMethodName(),
                        Duration.ofNanos(options.getDeadline().timeRemaining(TimeUnit.NANOSECONDS)));
                return next.newCall(method, options);
            }
        };
        ledger.close();
        ledger = FabricLedger.overChannel(
                settings(new FabricSettings.Deadlines(
                        Duration.ofSeconds(11),
                        Duration.ofSeconds(22),
                        Duration.ofSeconds(33),
                        Duration.ofSeconds(44))),
                ClientInterceptors.intercept(emulator.newInProcessChannel(), recorder));

        ledger.find(ledger.anchor(firstAnchor("window 1")).root());

        assertThat(deadlines).containsOnlyKeys("Endorse", "Submit", "CommitStatus", "Evaluate");
        assertThat(deadlines.get("Evaluate")).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(11));
        assertThat(deadlines.get("Endorse")).isBetween(Duration.ofSeconds(21), Duration.ofSeconds(22));
        assertThat(deadlines.get("Submit")).isBetween(Duration.ofSeconds(32), Duration.ofSeconds(33));
        assertThat(deadlines.get("CommitStatus")).isBetween(Duration.ofSeconds(43), Duration.ofSeconds(44));
    }

    @Test
    void reportsAReadConflictAsAConcurrentUpdateWhenNothingWasStored() {
        emulator.forceMvccReadConflictOnNextCommit();

        assertThatThrownBy(() -> ledger.anchor(firstAnchor("window 1")))
                .isInstanceOfSatisfying(LedgerException.class, e -> {
                    assertThat(e.reason()).isEqualTo(LedgerException.Reason.CONCURRENT_UPDATE);
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.transactionId()).isPresent();
                    assertThat(e.getMessage()).contains("MVCC_READ_CONFLICT");
                });

        AnchorReceipt retried = ledger.anchor(firstAnchor("window 1"));
        assertThat(ledger.find(retried.root())).contains(retried);
    }

    @Test
    void succeedsWhenItLosesARaceToTheSameAnchor() throws Exception {
        replaceEmulator(GatewayEmulator.builder()
                .batchTimeout(Duration.ofSeconds(5))
                .maxTransactionsPerBlock(2)
                .build());
        CountDownLatch start = new CountDownLatch(1);

        CompletableFuture<AnchorReceipt> one = CompletableFuture.supplyAsync(() -> anchorAfter(start));
        CompletableFuture<AnchorReceipt> other = CompletableFuture.supplyAsync(() -> anchorAfter(start));
        start.countDown();

        assertThat(one.get(20, TimeUnit.SECONDS)).isEqualTo(other.get(20, TimeUnit.SECONDS));
        assertThat(emulator.committedTransactions())
                .extracting(GatewayEmulator.CommittedTransaction::validationCode)
                .containsExactlyInAnyOrder("VALID", "MVCC_READ_CONFLICT");
        assertThat(anchorEvents()).hasSize(1);
    }

    @Test
    void returnsTheFirstAnchorWhenRetryingAfterACrashBetweenSubmitAndAnswer() {
        emulator.crashAfterNextSubmit();

        LedgerException crash = catchLedgerException(() -> ledger.anchor(firstAnchor("window 1")));
        assertThat(crash.reason()).isEqualTo(LedgerException.Reason.UNAVAILABLE);
        String firstTransaction = crash.transactionId().orElseThrow();
        GatewayEmulator.CommittedTransaction committed = emulator.awaitCommit(firstTransaction, COMMIT_WAIT);

        AnchorReceipt retried = ledger.anchor(firstAnchor("window 1"));

        assertThat(retried.transactionId()).isEqualTo(firstTransaction);
        assertThat(retried.blockNumber()).isEqualTo(committed.blockNumber());
        assertThat(anchorEvents()).hasSize(1);
        assertThat(emulator.worldState()).hasSize(1);
        assertThat(ledger.replays()).isEqualTo(1);
    }

    @Test
    void storesOneAnchorWhenRetryingImmediatelyAfterACrash() {
        replaceEmulator(
                GatewayEmulator.builder().batchTimeout(Duration.ofMillis(300)).build());
        emulator.crashAfterNextSubmit();

        LedgerException crash = catchLedgerException(() -> ledger.anchor(firstAnchor("window 1")));
        // The retry is endorsed before or after the first transaction commits; both must end the same way.
        AnchorReceipt retried = ledger.anchor(firstAnchor("window 1"));

        assertThat(retried.transactionId()).isEqualTo(crash.transactionId().orElseThrow());
        assertThat(anchorEvents()).hasSize(1);
    }

    private AnchorReceipt anchorAfter(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return ledger.anchor(firstAnchor("window 1"));
    }

    private AnchorReceipt anchorOrRecord(AnchorRequest request, List<LedgerException> failures) {
        try {
            return ledger.anchor(request);
        } catch (LedgerException e) {
            failures.add(e);
            return null;
        }
    }

    private List<GatewayEmulator.CommittedTransaction> anchorEvents() {
        return emulator.committedTransactions().stream()
                .filter(transaction -> "AnchorRecorded".equals(transaction.eventName()))
                .toList();
    }

    private static LedgerException catchLedgerException(Runnable call) {
        try {
            call.run();
        } catch (LedgerException e) {
            return e;
        }
        throw new AssertionError("Expected a LedgerException");
    }

    private void replaceLedger(FabricSettings.Deadlines deadlines) {
        ledger.close();
        ledger = ledgerWith(deadlines);
    }

    private void replaceEmulator(GatewayEmulator replacement) {
        ledger.close();
        emulator.close();
        emulator = replacement;
        ledger = ledgerWith(FabricSettings.Deadlines.defaults());
    }

    private FabricLedger ledgerWith(FabricSettings.Deadlines deadlines) {
        return FabricLedger.overChannel(settings(deadlines), emulator.newInProcessChannel());
    }

    private static FabricSettings settings(FabricSettings.Deadlines deadlines) {
        return credentials.settings("in-process:7051", FabricSettings.Tls.disabled(), deadlines);
    }
}
