package org.suyuan.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.suyuan.TestClockConfiguration;
import org.suyuan.account.AccountService;
import org.suyuan.archive.BatchService;
import org.suyuan.archive.OrganizationService;
import org.suyuan.db.portal.ImportJob;

/**
 * An import holds the locks of the batches it records for its whole transaction, so it must never ask the pool for
 * a second connection meanwhile: requests queued on those locks may hold every other one. Here the test holds the
 * other connection of a pool of two for as long as the import runs. An import that wrote its progress from its own
 * thread (in a transaction of its own) waited for a connection that could never come and failed; progress is now
 * written from another thread, which may wait without holding anything.
 */
@Import(TestClockConfiguration.class)
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:import-one-connection;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                    + "NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1",
            "spring.datasource.hikari.maximum-pool-size=2",
            "spring.datasource.hikari.connection-timeout=1500",
            "suyuan.anchoring.enabled=false"
        })
@ActiveProfiles("test")
class ImportConnectionTests {

    private static final String HEADER = "批次号,记录类型,日期,方式,水源,数量,单位,农药名称,登记证号,有效成分,用量,用量单位,安全间隔期（天）,备注";

    @Autowired
    OrganizationService registry;

    @Autowired
    AccountService accounts;

    @Autowired
    BatchService batches;

    @Autowired
    ImportService imports;

    @Autowired
    DataSource database;

    @Test
    void anImportNeedsOneConnectionWhileItHoldsTheLocksOfItsBatches() throws Exception {
        PortalFixtures.Producer producer = PortalFixtures.producer(registry, accounts);
        LocalDate start = PortalFixtures.TODAY.minusDays(300);
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (int b = 0; b < 20; b++) {
            String number = "ONE-" + b;
            PortalFixtures.batch(batches, producer, number, start);
            for (int r = 0; r < 90; r++) {
                csv.append(number)
                        .append(",灌溉,")
                        .append(start.plusDays(1 + r * 3L))
                        .append(",滴灌,井水,,,,,,,,,\r\n");
            }
        }

        ImportJob job =
                imports.submit(producer.user(), "season.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        String state;
        try (Connection held = database.getConnection()) {
            state = awaitFinished(held, job.getId());
        }

        assertThat(state).isEqualTo(ImportJob.State.IMPORTED.name());
        assertThat(batches.history(
                        producer.organizationId(),
                        batches.batchByNumber(producer.organizationId(), "ONE-19")
                                .orElseThrow()
                                .getId()))
                .hasSize(91);
    }

    /** Reads the job's state on the connection the test holds, until the job has ended. */
    private static String awaitFinished(Connection held, Long jobId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        try (PreparedStatement query = held.prepareStatement("SELECT state FROM import_job WHERE id = ?")) {
            query.setLong(1, jobId);
            while (System.nanoTime() < deadline) {
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    String state = row.getString(1);
                    if (ImportJob.State.valueOf(state).isFinished()) {
                        return state;
                    }
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("import " + jobId + " did not finish");
    }
}
