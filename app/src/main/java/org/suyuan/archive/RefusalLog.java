package org.suyuan.archive;

import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.suyuan.db.archive.EventType;
import org.suyuan.db.archive.RefusedAttempt;
import org.suyuan.db.archive.RefusedAttemptRepository;

/**
 * Stores refused attempts in their own transaction: the attempt itself is rolled back, the record that it was
 * made is not. Inspectors see every refusal.
 */
@Component
public class RefusalLog {

    private final RefusedAttemptRepository refusals;
    private final Clock clock;

    RefusalLog(RefusedAttemptRepository refusals, Clock clock) {
        this.refusals = refusals;
        this.clock = clock;
    }

    /**
     * Records a refused request that is not an archive event (asking for more serials than the harvest allows,
     * say), under the rule's problem type.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordOther(
            Long organizationId, Long batchId, String username, String rule, String message, String requestJson) {
        refusals.save(new RefusedAttempt(
                organizationId, batchId, username, clock.instant(), rule, null, message, requestJson));
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(
            Long organizationId,
            Long batchId,
            String username,
            EventType eventType,
            RuleViolationException violation,
            String requestJson) {
        refusals.save(new RefusedAttempt(
                organizationId,
                batchId,
                username,
                clock.instant(),
                violation.rule().slug(),
                eventType,
                violation.detail(),
                requestJson));
    }
}
