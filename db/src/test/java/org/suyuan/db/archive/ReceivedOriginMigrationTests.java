package org.suyuan.db.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.suyuan.db.TestDatabases;

/**
 * The migration that repoints batches received before goods kept their origin: a farm's tomatoes received by a
 * collector and passed on to a market, each buyer having picked a product and plot of its own, end up carrying the
 * farm's product and plot at every step; a batch made by processing keeps its own product. On H2 and on MySQL.
 */
class ReceivedOriginMigrationTests {

    private static final String DESCRIPTION = "received batches keep their origin";

    private static int events;

    @Test
    void repointsReceivedBatchesAtTheirOriginOnH2() throws SQLException {
        repointsReceivedBatchesAtTheirOrigin(TestDatabases.h2("received_origin_migration"));
    }

    @Test
    void repointsReceivedBatchesAtTheirOriginOnMySql() throws SQLException {
        repointsReceivedBatchesAtTheirOrigin(TestDatabases.freshMySql("suyuan_received_origin"));
    }

    private static void repointsReceivedBatchesAtTheirOrigin(String url) throws SQLException {
        migrate(url, versionBefore(url));
        try (Connection connection = DriverManager.getConnection(url)) {
            long farm = organization(connection, "湾沚区青弋江家庭农场", "92340210MA2T5R1L02");
            long collector = organization(connection, "湾沚区果蔬收购站", "91340210MA2T5R1L0X");
            long market = organization(connection, "镜湖区农贸市场", "91340202MA2T5R1L0Y");
            long tomato = product(connection, farm, "番茄", "粉冠一号");
            long greenhouse = plot(connection, farm, "青弋江1号大棚");
            long farmBatch = batch(connection, farm, tomato, greenhouse, "F-1");
            long collectorBatch = batch(
                    connection,
                    collector,
                    product(connection, collector, "蔬菜", "收购"),
                    plot(connection, collector, "冷库"),
                    "C-1");
            long marketTea = product(connection, market, "绿茶", "南陵雾芽");
            long marketStall = plot(connection, market, "丫山茶园");
            long marketBatch = batch(connection, market, marketTea, marketStall, "M-1");
            long sauce = product(connection, collector, "番茄酱", "原味");
            long workshop = plot(connection, collector, "一号车间");
            long processed = batch(connection, collector, sauce, workshop, "J-1");
            link(connection, "SHIPMENT", farmBatch, farm, collector, collectorBatch);
            link(connection, "SHIPMENT", collectorBatch, collector, market, marketBatch);
            link(connection, "PROCESSING", collectorBatch, collector, collector, processed);

            migrate(url, null);

            for (long received : List.of(collectorBatch, marketBatch)) {
                assertThat(productAndPlot(connection, received)).containsExactly(tomato, greenhouse);
            }
            assertThat(productAndPlot(connection, farmBatch)).containsExactly(tomato, greenhouse);
            assertThat(productAndPlot(connection, processed)).containsExactly(sauce, workshop);
        }
    }

    /** The version just before this migration, whatever number it ends up with. */
    private static String versionBefore(String url) {
        MigrationInfo[] all = flyway(url, null).info().all();
        int index =
                Arrays.stream(all).map(MigrationInfo::getDescription).toList().indexOf(DESCRIPTION);
        assertThat(index).as("the migration is found").isPositive();
        return all[index - 1].getVersion().getVersion();
    }

    private static void migrate(String url, String target) {
        flyway(url, target).migrate();
    }

    private static Flyway flyway(String url, String target) {
        var configuration = Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration");
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }

    private static long organization(Connection connection, String name, String creditCode) throws SQLException {
        return insert(
                connection,
                "INSERT INTO organization (name, type, credit_code, region_code, address, contact_name, contact_phone,"
                        + " created_at, version) VALUES (?, 'ENTERPRISE', ?, '340210', '芜湖市', '李秀英', '13805536789',"
                        + " CURRENT_TIMESTAMP, 0)",
                name,
                creditCode);
    }

    private static long product(Connection connection, long organization, String name, String variety)
            throws SQLException {
        return insert(
                connection,
                "INSERT INTO product (organization_id, name, category, variety, created_at)"
                        + " VALUES (?, ?, 'VEGETABLE', ?, CURRENT_TIMESTAMP)",
                organization,
                name,
                variety);
    }

    private static long plot(Connection connection, long organization, String name) throws SQLException {
        return insert(
                connection,
                "INSERT INTO plot (organization_id, name, region_code, created_at) VALUES (?, ?, '340210',"
                        + " CURRENT_TIMESTAMP)",
                organization,
                name);
    }

    private static long batch(Connection connection, long organization, long product, long plot, String number)
            throws SQLException {
        return insert(
                connection,
                "INSERT INTO batch (organization_id, product_id, plot_id, batch_number, status, started_on, created_at,"
                        + " version) VALUES (?, ?, ?, ?, 'HARVESTED', CURRENT_DATE, CURRENT_TIMESTAMP, 0)",
                organization,
                product,
                plot,
                number);
    }

    private static void link(
            Connection connection, String kind, long source, long sourceOrganization, long target, long targetBatch)
            throws SQLException {
        long event = insert(
                connection,
                "INSERT INTO batch_event (batch_id, sequence_number, type, occurred_on, recorded_at, recorded_by,"
                        + " details, previous_hash, event_hash) VALUES (?, ?, ?, CURRENT_DATE, CURRENT_TIMESTAMP,"
                        + " 'farmer', '{}', REPEAT('0', 64), REPEAT('1', 64))",
                source,
                ++events,
                kind);
        insert(
                connection,
                "INSERT INTO batch_link (kind, state, source_batch_id, source_event_id, source_organization_id,"
                        + " target_organization_id, target_batch_id, created_at) VALUES (?, 'CONFIRMED', ?, ?, ?, ?, ?,"
                        + " CURRENT_TIMESTAMP)",
                kind,
                source,
                event,
                sourceOrganization,
                target,
                targetBatch);
    }

    private static List<Long> productAndPlot(Connection connection, long batch) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT product_id, plot_id FROM batch WHERE id = ?")) {
            select.setLong(1, batch);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return List.of(row.getLong(1), row.getLong(2));
            }
        }
    }

    private static long insert(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
