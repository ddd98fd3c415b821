package org.suyuan.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.PostMapping;
import org.suyuan.SuyuanProperties;
import org.suyuan.account.AccountService;
import org.suyuan.account.CurrentUser;
import org.suyuan.archive.BatchService;
import org.suyuan.db.archive.Batch;
import org.suyuan.db.archive.EventType;
import org.suyuan.problem.NotFoundException;
import org.suyuan.web.PageController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shows the PENDING verdict for real on a trial installation: records an irrigation on the demo farmer's growing
 * batch and opens its page at once, before the anchoring worker's window (about two seconds) closes. Scanning
 * again a moment later shows VERIFIED. Only with {@code suyuan.demo.enabled}.
 */
@PageController
@ConditionalOnBooleanProperty("suyuan.demo.enabled")
class DemoScanController {

    private final DemoShowcase showcase;
    private final BatchService batches;
    private final AccountService accounts;
    private final JsonMapper json;
    private final Clock clock;
    private final SuyuanProperties properties;

    DemoScanController(
            DemoShowcase showcase,
            BatchService batches,
            AccountService accounts,
            JsonMapper json,
            Clock clock,
            SuyuanProperties properties) {
        this.showcase = showcase;
        this.batches = batches;
        this.accounts = accounts;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
    }

    @PostMapping("/demo/pending")
    String recordAndScan() {
        Batch batch = showcase.demoBatch(DemoShowcase.PENDING_BATCH)
                .orElseThrow(() -> NotFoundException.batch(DemoShowcase.PENDING_BATCH));
        CurrentUser farmer = accounts.user("farmer");
        batches.record(
                farmer,
                batch.getId(),
                new BatchService.NewEvent(
                        EventType.IRRIGATION,
                        LocalDate.now(clock.withZone(properties.timeZone())),
                        null,
                        json.valueToTree(Map.of("method", "滴灌", "notes", "演示：刚刚记录的农事"))));
        return "redirect:/t/" + showcase.traceCode(DemoShowcase.PENDING_BATCH).orElseThrow();
    }
}
