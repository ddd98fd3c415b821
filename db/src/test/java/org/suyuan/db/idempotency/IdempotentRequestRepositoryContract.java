package org.suyuan.db.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** What storing idempotency keys must do on every database Suyuan supports; subclasses pick the database. */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(IdempotentRequestRepository.class)
abstract class IdempotentRequestRepositoryContract {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00.123456Z");

    @Autowired
    IdempotentRequestRepository requests;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void knowsAKeyInProgressUntilItsResponseIsStored() {
        long claim = requests.start("farmer", "key-1", "f".repeat(64), NOW);

        assertThat(requests.find("farmer", "key-1"))
                .contains(new IdempotentRequest(
                        "f".repeat(64), IdempotentRequest.State.IN_PROGRESS, null, null, null, null));
        assertThat(requests.find("someone else", "key-1")).isEmpty();

        requests.complete(
                claim, 201, "application/json", "/api/v1/batches/7", "{\"id\":7}".getBytes(StandardCharsets.UTF_8));

        IdempotentRequest completed = requests.find("farmer", "key-1").orElseThrow();
        assertThat(completed.state()).isEqualTo(IdempotentRequest.State.COMPLETED);
        assertThat(completed.responseStatus()).isEqualTo(201);
        assertThat(completed.responseContentType()).isEqualTo("application/json");
        assertThat(completed.responseLocation()).isEqualTo("/api/v1/batches/7");
        assertThat(new String(completed.responseBody(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":7}");
    }

    @Test
    void storesAResponseWithoutTypeOrLocation() {
        long claim = requests.start("farmer", "key-2", "f".repeat(64), NOW);

        requests.complete(claim, 303, null, null, new byte[0]);

        IdempotentRequest completed = requests.find("farmer", "key-2").orElseThrow();
        assertThat(completed.responseStatus()).isEqualTo(303);
        assertThat(completed.responseContentType()).isNull();
        assertThat(completed.responseLocation()).isNull();
    }

    @Test
    void refusesAKeyAUserHasAlreadyUsed() {
        requests.start("farmer", "key-3", "f".repeat(64), NOW);

        assertThatThrownBy(() -> requests.start("farmer", "key-3", "e".repeat(64), NOW))
                .isInstanceOf(DuplicateKeyException.class);
        requests.start("another farmer", "key-3", "e".repeat(64), NOW);
    }

    @Test
    void forgetsKeysOlderThanTheRetentionWindow() {
        requests.start("farmer", "old", "f".repeat(64), NOW.minusSeconds(86_400));
        requests.start("farmer", "new", "f".repeat(64), NOW);

        assertThat(requests.deleteCreatedBefore(NOW.minusSeconds(60))).isEqualTo(1);

        assertThat(requests.find("farmer", "old")).isEmpty();
        assertThat(requests.find("farmer", "new")).isPresent();
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void aConcurrentClaimOfTheSameKeyIsRefusedOnceTheFirstCommits() throws Exception {
        String key = UUID.randomUUID().toString();
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            requests.start("farmer", key, "f".repeat(64), NOW);
            claimed.countDown();
            await(finish);
        }));
        assertThat(claimed.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Long> second = CompletableFuture.supplyAsync(
                () -> transactions.execute(status -> requests.start("farmer", key, "f".repeat(64), NOW)));
        // Time for the second claim to reach the key, where it must wait for the first rather than end either way.
        assertThatThrownBy(() -> second.get(1, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);
        finish.countDown();
        first.get(30, TimeUnit.SECONDS);

        assertThatThrownBy(() -> second.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(DuplicateKeyException.class);
        assertThat(requests.find("farmer", key)).isPresent();
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void aClaimRolledBackLeavesNothingBehind() {
        String key = UUID.randomUUID().toString();

        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            requests.start("farmer", key, "f".repeat(64), NOW);
            status.setRollbackOnly();
        });

        assertThat(requests.find("farmer", key)).isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
