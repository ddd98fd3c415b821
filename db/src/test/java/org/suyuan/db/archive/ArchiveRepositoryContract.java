package org.suyuan.db.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the schema and repositories must do on every database Suyuan supports; subclasses pick the database.
 * Starting the slice at all proves that Flyway's migrations run there and that the entities match them
 * ({@code ddl-auto=validate}).
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
abstract class ArchiveRepositoryContract {

    // Whole seconds, as the application's clock ticks: Connector/J drops fractions on MariaDB.
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Autowired
    OrganizationRepository organizations;

    @Autowired
    PlotRepository plots;

    @Autowired
    ProductRepository products;

    @Autowired
    BatchRepository batches;

    @Autowired
    BatchEventRepository events;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EntityManager entityManager;

    @Test
    void storesChineseTextAndTimestampsExactly() {
        Organization cooperative = organizations.saveAndFlush(cooperative("91340200MA2T0J8Q4R"));
        entityManager.clear();

        Organization read = organizations.findById(cooperative.getId()).orElseThrow();

        assertThat(read.getName()).isEqualTo("芜湖市湾沚区青弋江蔬菜专业合作社");
        assertThat(read.getCreatedAt()).isEqualTo(NOW);
    }

    @Test
    void refusesTwoOrganizationsWithOneCreditCode() {
        organizations.saveAndFlush(cooperative("91340200MA2T0J8Q4R"));

        assertThatThrownBy(() -> organizations.saveAndFlush(cooperative("91340200MA2T0J8Q4R")))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void refusesADuplicateBatchNumberWithinAnOrganization() {
        Batch first = batch(organizations.saveAndFlush(cooperative("91340200MA2T0J8Q4R")), "B2026-001");

        assertThatThrownBy(() -> batches.saveAndFlush(new Batch(
                        first.getOrganizationId(),
                        first.getProductId(),
                        first.getPlotId(),
                        "B2026-001",
                        LocalDate.of(2026, 3, 1),
                        NOW)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void keepsEventsInSequenceAndRefusesASequenceNumberTwice() {
        Batch batch = batch(organizations.saveAndFlush(cooperative("91340200MA2T0J8Q4R")), "B2026-002");
        events.save(event(batch, 2, EventType.PLANTING));
        events.save(event(batch, 1, EventType.CREATED));
        jdbc.execute("select 1"); // flush through the JDBC connection of the test transaction

        assertThat(events.findAllByBatchIdOrderBySequenceNumber(batch.getId()))
                .extracting(BatchEvent::getType)
                .containsExactly(EventType.CREATED, EventType.PLANTING);
        assertThatThrownBy(() -> {
                    events.save(event(batch, 2, EventType.IRRIGATION));
                    batches.flush();
                })
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void readsTheTailOfABatchsChain() {
        Batch batch = batch(organizations.saveAndFlush(cooperative("91340200MA2T0J8Q4R")), "B2026-004");
        assertThat(events.tailOf(batch.getId())).isEmpty();

        events.insertAll(java.util.List.of(event(batch, 1, EventType.CREATED), event(batch, 2, EventType.PLANTING)));

        assertThat(events.tailOf(batch.getId())).contains(new BatchEventTails.Tail(2, "2".repeat(64)));
    }

    @Test
    void locksABatchForAppending() {
        Batch batch = batch(organizations.saveAndFlush(cooperative("91340200MA2T0J8Q4R")), "B2026-003");

        assertThat(batches.lockByIdAndOrganizationId(batch.getId(), batch.getOrganizationId()))
                .contains(batch);
        assertThat(batches.lockByIdAndOrganizationId(batch.getId(), batch.getOrganizationId() + 1))
                .isEmpty();
    }

    private static Organization cooperative(String creditCode) {
        return Organization.withCreditCode(
                "芜湖市湾沚区青弋江蔬菜专业合作社",
                OrganizationType.COOPERATIVE,
                creditCode,
                "340210",
                "湾沚镇青弋江路1号",
                "王芳",
                "13955300000",
                NOW);
    }

    private Batch batch(Organization organization, String number) {
        Plot plot = plots.save(new Plot(organization.getId(), "一号大棚", "340210", null, null, null, null, NOW));
        Product product =
                products.save(new Product(organization.getId(), "番茄", ProductCategory.VEGETABLE, "粉冠一号", null, NOW));
        return batches.saveAndFlush(
                new Batch(organization.getId(), product.getId(), plot.getId(), number, LocalDate.of(2026, 3, 1), NOW));
    }

    private static BatchEvent event(Batch batch, int sequence, EventType type) {
        return new BatchEvent(
                batch.getId(),
                sequence,
                type,
                LocalDate.of(2026, 3, 1),
                NOW,
                "farmer",
                null,
                "{}",
                "0".repeat(64),
                Integer.toString(sequence).repeat(64));
    }
}
