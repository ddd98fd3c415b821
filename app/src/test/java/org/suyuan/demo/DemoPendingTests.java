package org.suyuan.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.suyuan.web.PageClient;

/**
 * The landing page's "record and scan" button is anonymous, so it is bounded: pressed again and again it adds one
 * record to the one demo batch; while that record waits for the ledger the button only opens the page (which shows
 * PENDING); once it is anchored, pressing again within the interval is refused with 429. Shares its application
 * (the demo data in a database of its own) with the consumer-page tests.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "suyuan.demo.enabled=true",
            "spring.datasource.url=jdbc:h2:mem:verification-demo;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                    + "NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1"
        })
@ActiveProfiles("test")
class DemoPendingTests {

    private static final String PENDING_BATCH_EVENTS = "SELECT COUNT(*) FROM batch_event e JOIN batch b ON b.id ="
            + " e.batch_id WHERE b.batch_number = '" + DemoShowcase.PENDING_BATCH + "'";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void pressingTheDemoButtonAgainAndAgainAddsOneRecordToTheOneDemoBatch() {
        awaitNothingPending();
        long before = events();
        PageClient visitor = PageClient.anonymous(port);
        visitor.get("/");

        List<Integer> statuses = new ArrayList<>();
        for (int press = 0; press < 8; press++) {
            PageClient.Response answer = visitor.postForm("/demo/pending", Map.of());
            statuses.add(answer.status());
            if (answer.status() == 302) {
                assertThat(answer.location()).contains("/t/");
            }
        }

        assertThat(statuses).as("never a server error").allMatch(status -> status == 302 || status == 429);
        assertThat(events())
                .as("one record, however often the button is pressed")
                .isEqualTo(before + 1);

        awaitNothingPending();
        PageClient.Response tooSoon = visitor.postForm("/demo/pending", Map.of());
        assertThat(tooSoon.status()).isEqualTo(429);
        assertThat(tooSoon.header("Retry-After")).isNotBlank();
        assertThat(tooSoon.body()).contains("演示操作太频繁");
        assertThat(events()).isEqualTo(before + 1);
    }

    private long events() {
        return jdbc.queryForObject(PENDING_BATCH_EVENTS, Long.class);
    }

    /** Until every record of the demo's pending batch is anchored. */
    private void awaitNothingPending() {
        Awaitility.await()
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.queryForObject(
                                PENDING_BATCH_EVENTS
                                        + " AND NOT EXISTS (SELECT 1 FROM anchor_leaf l JOIN anchor a ON a.id ="
                                        + " l.anchor_id WHERE l.event_id = e.id AND a.state = 'ANCHORED')",
                                Long.class)
                        == 0);
    }
}
