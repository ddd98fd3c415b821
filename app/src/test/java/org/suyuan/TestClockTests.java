package org.suyuan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.suyuan.account.AccountService;
import org.suyuan.account.CurrentUser;
import org.suyuan.archive.ArchiveJourneyTestsAccess;
import org.suyuan.archive.BatchService;
import org.suyuan.archive.OrganizationService;
import org.suyuan.db.archive.Batch;
import org.suyuan.db.archive.EventType;
import org.suyuan.db.archive.OrganizationType;
import org.suyuan.db.archive.ProductCategory;
import org.suyuan.problem.ProblemException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tests and the application agree on the day: both read the {@link TestClock}, so a run that crosses midnight no
 * longer makes the tests' "today" the server's "tomorrow".
 */
@Import(TestClockConfiguration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TestClockTests {

    @Autowired
    TestClock clock;

    @Autowired
    OrganizationService registry;

    @Autowired
    AccountService accounts;

    @Autowired
    BatchService batches;

    @Autowired
    JsonMapper json;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theApplicationJudgesTodayByTheTestClockAcrossMidnight() {
        Batch batch = openBatch();
        CurrentUser farmer = accounts.user(batchOwner);
        BatchService.NewEvent tomorrow = new BatchService.NewEvent(
                EventType.IRRIGATION, TestClock.TODAY.plusDays(1), null, json.valueToTree(Map.of("method", "滴灌")));

        clock.set(TestClock.TODAY.atTime(23, 59, 59));
        assertThatThrownBy(() -> batches.record(farmer, batch.getId(), tomorrow))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        refused -> assertThat(refused.slug()).isEqualTo("event-in-future"));

        clock.advance(Duration.ofSeconds(2));
        assertThat(clock.today()).isEqualTo(TestClock.TODAY.plusDays(1));
        assertThat(batches.record(farmer, batch.getId(), tomorrow).occurredOn()).isEqualTo(TestClock.TODAY.plusDays(1));
    }

    @Test
    void theClockStandsStillUntilATestMovesIt() throws InterruptedException {
        var before = clock.instant();
        Thread.sleep(1100);
        assertThat(clock.instant()).isEqualTo(before).isEqualTo(TestClock.START);
        assertThat(clock.today()).isEqualTo(TestClock.TODAY);
    }

    /**
     * A test that reads the system's date at class load is what broke runs across midnight: every date a test
     * uses comes from {@link TestClock}. (Benchmarks drive an application on the system clock and ask it instead.)
     */
    @Test
    void noTestTakesTodayFromTheSystem() throws IOException {
        Path tests = Path.of("src", "test", "java");
        try (Stream<Path> files = Files.walk(tests)) {
            List<String> offenders = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.endsWith("TestClockTests.java"))
                    .filter(file -> {
                        try {
                            String source = Files.readString(file);
                            return source.contains("LocalDate.now(") || source.contains("LocalDateTime.now(");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(Path::toString)
                    .toList();
            assertThat(offenders)
                    .as("tests that read today from the system clock")
                    .isEmpty();
        }
    }

    private String batchOwner;

    /** A new producer's batch, opened three days ago. */
    private Batch openBatch() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        var organization = registry.register(new OrganizationService.NewOrganization(
                "时钟合作社" + suffix,
                OrganizationType.COOPERATIVE,
                ArchiveJourneyTestsAccess.randomCreditCode(),
                null,
                "340210",
                "湾沚镇",
                "张三",
                "13900000000"));
        var plot = registry.addPlot(
                organization.getId(),
                new OrganizationService.NewPlot("1号大棚", "340210", null, null, null, new BigDecimal("5")));
        var product = registry.addProduct(
                organization.getId(),
                new OrganizationService.NewProduct("番茄", ProductCategory.VEGETABLE, "粉冠一号", null));
        batchOwner = "clock-" + suffix;
        CurrentUser farmer = accounts.createProducer(batchOwner, "clock-test-password", "农户", organization.getId());
        return batches.open(
                farmer,
                new BatchService.NewBatch(
                        "CLOCK-1", product.getId(), plot.getId(), TestClock.TODAY.minusDays(3), null));
    }
}
