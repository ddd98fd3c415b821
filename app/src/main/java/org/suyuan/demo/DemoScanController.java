package org.suyuan.demo;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.suyuan.SuyuanProperties;
import org.suyuan.account.AccountService;
import org.suyuan.account.CurrentUser;
import org.suyuan.anchoring.AnchoringService;
import org.suyuan.anchoring.EventAnchoring;
import org.suyuan.archive.BatchService;
import org.suyuan.db.archive.Batch;
import org.suyuan.db.archive.EventType;
import org.suyuan.problem.NotFoundException;
import org.suyuan.problem.ProblemException;
import org.suyuan.web.PageController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shows the PENDING verdict for real on a trial installation: records an irrigation on the demo farmer's growing
 * batch and opens its page at once, before the anchoring worker's window (about two seconds) closes. Scanning
 * again a moment later shows VERIFIED. Only with {@code suyuan.demo.enabled}.
 *
 * <p>Anyone may press the button, so what it can write is bounded: only the one demo batch; nothing while that
 * batch still has a record waiting to be anchored (the page shows PENDING already, which is all the button is for);
 * and at most one record per {@code suyuan.demo.pending-interval} (one minute) on this instance, refused with 429
 * and {@code Retry-After} otherwise.
 */
@PageController
@ConditionalOnBooleanProperty("suyuan.demo.enabled")
class DemoScanController {

    private final DemoShowcase showcase;
    private final BatchService batches;
    private final AccountService accounts;
    private final AnchoringService anchoring;
    private final JsonMapper json;
    private final Clock clock;
    private final SuyuanProperties properties;
    private final Duration interval;
    private Instant lastRecorded = Instant.MIN;

    DemoScanController(
            DemoShowcase showcase,
            BatchService batches,
            AccountService accounts,
            AnchoringService anchoring,
            JsonMapper json,
            Clock clock,
            SuyuanProperties properties,
            @Value("${suyuan.demo.pending-interval:1m}") Duration interval) {
        this.showcase = showcase;
        this.batches = batches;
        this.accounts = accounts;
        this.anchoring = anchoring;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
        this.interval = interval;
    }

    @PostMapping("/demo/pending")
    String recordAndScan(HttpServletResponse response) {
        Batch batch = showcase.demoBatch(DemoShowcase.PENDING_BATCH)
                .orElseThrow(() -> NotFoundException.batch(DemoShowcase.PENDING_BATCH));
        String page =
                "redirect:/t/" + showcase.traceCode(DemoShowcase.PENDING_BATCH).orElseThrow();
        if (anchoring.anchoringsOfBatch(batch.getId()).values().stream()
                .anyMatch(EventAnchoring.Pending.class::isInstance)) {
            return page;
        }
        Duration wait = claimTurn();
        if (!wait.isZero()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, wait.toSeconds())));
            throw new TooSoon(interval, wait);
        }
        CurrentUser farmer = accounts.user("farmer");
        batches.record(
                farmer,
                batch.getId(),
                new BatchService.NewEvent(
                        EventType.IRRIGATION,
                        LocalDate.now(clock.withZone(properties.timeZone())),
                        null,
                        json.valueToTree(Map.of("method", "滴灌", "notes", "演示：刚刚记录的农事"))));
        return page;
    }

    /** Zero when this request may record (and the next must wait a whole interval), else how long it must wait. */
    private synchronized Duration claimTurn() {
        Instant now = clock.instant();
        Instant next = lastRecorded.equals(Instant.MIN) ? now : lastRecorded.plus(interval);
        if (now.isBefore(next)) {
            return Duration.between(now, next);
        }
        lastRecorded = now;
        return Duration.ZERO;
    }

    /** The demo button pressed again too soon. */
    static final class TooSoon extends ProblemException {

        TooSoon(Duration interval, Duration wait) {
            super(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "demo-too-soon",
                    "演示操作太频繁",
                    "演示批次每 " + interval.toSeconds() + " 秒最多添加一条记录。请在 " + Math.max(1, wait.toSeconds())
                            + " 秒后再试，或直接扫描演示批次的追溯码。");
        }
    }
}
