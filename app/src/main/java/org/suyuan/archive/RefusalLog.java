package org.suyuan.archive;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.suyuan.db.archive.EventType;
import org.suyuan.db.archive.RefusedAttempt;
import org.suyuan.db.archive.RefusedAttemptRepository;
import org.suyuan.web.RequestTransactionEnded;

/**
 * Keeps every refused attempt for inspectors: the attempt itself is rolled back, the record that it was made is
 * not.
 *
 * <p>A refusal is found while the batch's row lock is held, and the transaction holding it is rolled back. Writing
 * the refusal in a transaction of its own right then would need a second connection while the first one still
 * holds the lock: with every connection of the pool taken by requests queued on that lock, the holder waits for a
 * connection that none of them can give back, and the instance stalls until the pool's timeout answers 500 to all
 * of them. So a refusal found inside a transaction is only noted, and written once the outermost transaction of
 * the thread has ended and its connection is back in the pool: by {@link #writeAfter} when the service owns that
 * transaction, or when the idempotency filter, which holds one transaction around a whole request, says it has
 * ended ({@link RequestTransactionEnded}), before the answer is sent. No request ever holds two connections.
 */
@Component
public class RefusalLog {

    private static final Logger log = LoggerFactory.getLogger(RefusalLog.class);

    /** Refusals noted inside a transaction, waiting for it to end. */
    private static final ThreadLocal<List<RefusedAttempt>> UNWRITTEN = ThreadLocal.withInitial(ArrayList::new);

    private final RefusedAttemptRepository refusals;
    private final TransactionTemplate writing;
    private final Clock clock;

    RefusalLog(RefusedAttemptRepository refusals, PlatformTransactionManager transactions, Clock clock) {
        this.refusals = refusals;
        this.writing = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Runs work that may refuse something under a lock, and writes the refusals it noted once its transaction is
     * over: right after {@code work} when no transaction encloses this call; else the enclosing transaction's owner
     * writes them when it has ended. Refusals are written whether {@code work} succeeds or fails.
     */
    public <T> T writeAfter(Supplier<T> work) {
        try {
            return work.get();
        } finally {
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                writeNoted();
            }
        }
    }

    /**
     * Notes a refused request that is not an archive event (asking for more serials than the harvest allows, say),
     * under the rule's problem type.
     */
    public void recordOther(
            Long organizationId, Long batchId, String username, String rule, String message, String requestJson) {
        note(new RefusedAttempt(organizationId, batchId, username, clock.instant(), rule, null, message, requestJson));
    }

    /** Notes an archive event a rule refused. */
    public void record(
            Long organizationId,
            Long batchId,
            String username,
            EventType eventType,
            RuleViolationException violation,
            String requestJson) {
        note(new RefusedAttempt(
                organizationId,
                batchId,
                username,
                clock.instant(),
                violation.rule().slug(),
                eventType,
                violation.detail(),
                requestJson));
    }

    @EventListener
    void requestTransactionEnded(RequestTransactionEnded ended) {
        writeNoted();
    }

    private void note(RefusedAttempt attempt) {
        UNWRITTEN.get().add(attempt);
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            writeNoted();
        }
    }

    /**
     * Writes what this thread noted, in one transaction on the only connection it now takes. Never throws: the
     * refusal the caller is answering with stands; a refusal that cannot be stored is logged instead.
     */
    void writeNoted() {
        List<RefusedAttempt> noted = List.copyOf(UNWRITTEN.get());
        UNWRITTEN.remove();
        if (noted.isEmpty()) {
            return;
        }
        try {
            writing.executeWithoutResult(status -> noted.forEach(refusals::save));
        } catch (RuntimeException notWritten) {
            noted.forEach(attempt -> log.error(
                    "Refused attempt not stored: {} by {} on batch {}: {}",
                    attempt.getRule(),
                    attempt.getUsername(),
                    attempt.getBatchId(),
                    attempt.getMessage(),
                    notWritten));
        }
    }
}
