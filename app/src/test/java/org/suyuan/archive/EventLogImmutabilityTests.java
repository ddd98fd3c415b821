package org.suyuan.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.suyuan.TestClock;
import org.suyuan.TestClockConfiguration;
import org.suyuan.account.AccountService;
import org.suyuan.account.CurrentUser;
import org.suyuan.db.archive.Batch;
import org.suyuan.db.archive.EventType;
import org.suyuan.db.archive.OrganizationType;
import org.suyuan.db.archive.ProductCategory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Proves against the database that recording, correcting and reading events never updates or deletes an event
 * row: every statement Hibernate sends is recorded, and the rows are compared before and after.
 */
@Import(TestClockConfiguration.class)
@SpringBootTest(
        properties = "spring.jpa.properties.hibernate.session_factory.statement_inspector="
                + "org.suyuan.archive.StatementRecorder")
@ActiveProfiles("test")
class EventLogImmutabilityTests {

    private static final LocalDate TODAY = TestClock.TODAY;

    @Autowired
    AccountService accounts;

    @Autowired
    OrganizationService registry;

    @Autowired
    BatchService batches;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    @Test
    void recordingCorrectingAndReadingNeverUpdateOrDeleteAnEventRow() {
        var organization = registry.register(new OrganizationService.NewOrganization(
                "不可变档案合作社",
                OrganizationType.COOPERATIVE,
                ArchiveJourneyTests.randomCreditCode(),
                null,
                "340210",
                "湾沚镇",
                "王五",
                "13900000001"));
        CurrentUser farmer = accounts.createProducer(
                "immutable-" + organization.getId(), "a-long-password", "王五", organization.getId());
        var plot = registry.addPlot(
                organization.getId(), new OrganizationService.NewPlot("东棚", "340210", null, null, null, null));
        var product = registry.addProduct(
                organization.getId(), new OrganizationService.NewProduct("黄瓜", ProductCategory.VEGETABLE, "津优", null));
        Batch batch = batches.open(
                farmer, new BatchService.NewBatch("IMM-1", product.getId(), plot.getId(), TODAY.minusDays(30), null));
        ArchiveEntry first = batches.record(farmer, batch.getId(), irrigation("漫灌"));
        List<Map<String, Object>> before = rows(batch);
        StatementRecorder.STATEMENTS.clear();

        batches.record(
                farmer,
                batch.getId(),
                new BatchService.NewEvent(
                        EventType.IRRIGATION, TODAY, first.id(), json.valueToTree(Map.of("method", "滴灌"))));
        batches.record(farmer, batch.getId(), irrigation("喷灌"));
        batches.history(organization.getId(), batch.getId());
        batches.violations(organization.getId(), batch.getId());

        assertThat(StatementRecorder.STATEMENTS)
                .isNotEmpty()
                .noneMatch(sql -> sql.toLowerCase().matches("(?s)\\s*update\\s+batch_event\\b.*"))
                .noneMatch(sql -> sql.toLowerCase().matches("(?s)\\s*delete\\s+from\\s+batch_event\\b.*"));
        List<Map<String, Object>> after = rows(batch);
        assertThat(after).hasSize(before.size() + 2);
        assertThat(after.subList(0, before.size())).isEqualTo(before);
    }

    private BatchService.NewEvent irrigation(String method) {
        return new BatchService.NewEvent(EventType.IRRIGATION, TODAY, null, json.valueToTree(Map.of("method", method)));
    }

    private List<Map<String, Object>> rows(Batch batch) {
        return jdbc.queryForList(
                "select * from batch_event where batch_id = ? order by sequence_number", batch.getId());
    }
}
