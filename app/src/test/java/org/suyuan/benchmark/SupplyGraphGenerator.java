package org.suyuan.benchmark;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;

/**
 * Fills a migrated, empty database with a large, realistic archive for benchmarks and memory tests: organizations
 * in the districts of 芜湖市, batches of twenty events each, and supply links that form chains up to five levels deep
 * (grower → collector → wholesaler → retailer ...). Plain JDBC batches, so a million events take seconds, not hours.
 *
 * <p>The hashes are placeholders: these archives exercise queries, traces and exports, not verification.
 */
public final class SupplyGraphGenerator {

    private static final List<String> DISTRICTS =
            List.of("340202", "340207", "340209", "340210", "340212", "340223", "340281");
    private static final List<String> EVENT_TYPES = List.of(
            "PLANTING",
            "FERTILISING",
            "IRRIGATION",
            "PESTICIDE_USE",
            "IRRIGATION",
            "FERTILISING",
            "IRRIGATION",
            "PESTICIDE_USE",
            "IRRIGATION",
            "FERTILISING",
            "IRRIGATION",
            "PESTICIDE_USE",
            "HARVEST",
            "INSPECTION",
            "HARVEST",
            "PACKING",
            "SHIPMENT",
            "SHIPMENT",
            "SHIPMENT");
    private static final String HASH = "ab".repeat(32);
    private static final int EVENTS_PER_BATCH = EVENT_TYPES.size() + 1;

    private SupplyGraphGenerator() {}

    /** What was generated. */
    public record Generated(int organizations, int batches, long events, int links, long firstBatchId) {}

    /**
     * Generates about {@code events} events (rounded to whole batches of twenty) and returns the counts. Ids start
     * above any existing row, so it may run on a database that already holds data.
     */
    public static Generated generate(DataSource dataSource, long events, long seed) throws SQLException {
        Random random = new Random(seed);
        int batches = (int) Math.max(1, events / EVENTS_PER_BATCH);
        int organizations = Math.max(2, Math.min(2000, batches / 25));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long organizationBase = next(connection, "organization");
            long batchBase = next(connection, "batch");
            long eventBase = next(connection, "batch_event");
            long linkBase = next(connection, "batch_link");
            Timestamp now = Timestamp.from(Instant.parse("2026-11-01T00:00:00Z"));
            try (PreparedStatement organization = connection.prepareStatement(
                            "insert into organization (id, name, type, credit_code, region_code, address, contact_name,"
                                    + " contact_phone, created_at, version) values (?, ?, 'COOPERATIVE', ?, ?, '某镇', '某人',"
                                    + " '13900000000', ?, 0)");
                    PreparedStatement plot = connection.prepareStatement(
                            "insert into plot (id, organization_id, name, region_code, created_at) values (?, ?, ?, ?, ?)");
                    PreparedStatement product = connection.prepareStatement(
                            "insert into product (id, organization_id, name, category, variety, created_at)"
                                    + " values (?, ?, '番茄', 'VEGETABLE', ?, ?)")) {
                for (int i = 0; i < organizations; i++) {
                    long id = organizationBase + i;
                    String region = DISTRICTS.get(i % DISTRICTS.size());
                    organization.setLong(1, id);
                    organization.setString(2, "生成合作社" + id);
                    organization.setString(3, "GEN" + String.format("%015d", id));
                    organization.setString(4, region);
                    organization.setTimestamp(5, now);
                    organization.addBatch();
                    plot.setLong(1, id);
                    plot.setLong(2, id);
                    plot.setString(3, "基地" + id);
                    plot.setString(4, region);
                    plot.setTimestamp(5, now);
                    plot.addBatch();
                    product.setLong(1, id);
                    product.setLong(2, id);
                    product.setString(3, "品种" + id);
                    product.setTimestamp(4, now);
                    product.addBatch();
                }
                organization.executeBatch();
                plot.executeBatch();
                product.executeBatch();
            }
            connection.commit();
            int links = 0;
            try (PreparedStatement batch = connection.prepareStatement(
                            "insert into batch (id, organization_id, product_id, plot_id, batch_number, status, started_on,"
                                    + " created_at, version) values (?, ?, ?, ?, ?, 'SHIPPED', ?, ?, 0)");
                    PreparedStatement event = connection.prepareStatement(
                            "insert into batch_event (id, batch_id, sequence_number, type, occurred_on, recorded_at,"
                                    + " recorded_by, details, previous_hash, event_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement link = connection.prepareStatement(
                            "insert into batch_link (id, kind, state, source_batch_id, source_event_id,"
                                    + " source_organization_id, target_organization_id, target_batch_id, quantity_amount,"
                                    + " quantity_unit, created_at, confirmed_at)"
                                    + " values (?, 'SHIPMENT', 'CONFIRMED', ?, ?, ?, ?, ?, 100, 'KG', ?, ?)")) {
                long eventId = eventBase;
                for (int b = 0; b < batches; b++) {
                    long batchId = batchBase + b;
                    long organizationId = organizationBase + random.nextInt(organizations);
                    LocalDate start = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(200));
                    batch.setLong(1, batchId);
                    batch.setLong(2, organizationId);
                    batch.setLong(3, organizationId);
                    batch.setLong(4, organizationId);
                    batch.setString(5, "G" + batchId);
                    batch.setDate(6, Date.valueOf(start));
                    batch.setTimestamp(7, now);
                    batch.addBatch();
                    long firstEvent = eventId;
                    addEvent(event, eventId++, batchId, 1, "CREATED", start, "{\"batchNumber\":\"G" + batchId + "\"}");
                    for (int e = 0; e < EVENT_TYPES.size(); e++) {
                        String type = EVENT_TYPES.get(e);
                        addEvent(event, eventId++, batchId, e + 2, type, start.plusDays(e * 3L), details(type, random));
                    }
                    // Every fifth batch received its goods from an earlier batch: chains several levels deep.
                    if (b > 0 && b % 5 == 0) {
                        long source = batchBase + Math.max(0, b - 1 - random.nextInt(Math.min(b, 50)));
                        link.setLong(1, linkBase + links);
                        link.setLong(2, source);
                        link.setLong(3, firstEvent);
                        link.setLong(4, organizationId);
                        link.setLong(5, organizationId);
                        link.setLong(6, batchId);
                        link.setTimestamp(7, now);
                        link.setTimestamp(8, now);
                        link.addBatch();
                        links++;
                    }
                    if (b % 500 == 499) {
                        batch.executeBatch();
                        event.executeBatch();
                        link.executeBatch();
                        connection.commit();
                    }
                }
                batch.executeBatch();
                event.executeBatch();
                link.executeBatch();
                connection.commit();
                return new Generated(organizations, batches, eventId - eventBase, links, batchBase);
            }
        }
    }

    private static void addEvent(
            PreparedStatement event, long id, long batchId, int sequence, String type, LocalDate on, String details)
            throws SQLException {
        event.setLong(1, id);
        event.setLong(2, batchId);
        event.setInt(3, sequence);
        event.setString(4, type);
        event.setDate(5, Date.valueOf(on));
        event.setTimestamp(6, Timestamp.from(Instant.parse("2026-11-01T00:00:00Z")));
        event.setString(7, "generator");
        event.setString(8, details);
        event.setString(9, HASH);
        event.setString(10, HASH);
        event.addBatch();
    }

    private static String details(String type, Random random) {
        return switch (type) {
            case "HARVEST" -> "{\"quantity\":{\"amount\":\"" + (100 + random.nextInt(900)) + "\",\"unit\":\"KG\"}}";
            case "SHIPMENT" ->
                "{\"buyerName\":\"芜湖批发市场\",\"quantity\":{\"amount\":\"" + (10 + random.nextInt(90))
                        + "\",\"unit\":\"KG\"}}";
            case "PESTICIDE_USE" ->
                "{\"activeIngredient\":\"苯醚甲环唑\",\"dose\":\"60\",\"doseUnit\":\"克/亩\",\"method\":\"喷雾\","
                        + "\"productName\":\"10%苯醚甲环唑水分散粒剂\",\"registrationNumber\":\"PD20070155\",\"safetyIntervalDays\":7}";
            case "FERTILISING" -> "{\"amount\":{\"amount\":\"50\",\"unit\":\"KG\"},\"fertiliserName\":\"有机肥\"}";
            case "INSPECTION" -> "{\"agency\":\"检测站\",\"items\":[\"有机磷\"],\"method\":\"快检\",\"result\":\"PASS\"}";
            case "PACKING" -> "{\"packageType\":\"纸箱\",\"quantity\":{\"amount\":\"100\",\"unit\":\"BOX\"}}";
            case "PLANTING" -> "{\"method\":\"定植\"}";
            default -> "{\"method\":\"滴灌\"}";
        };
    }

    private static long next(Connection connection, String table) throws SQLException {
        try (var statement = connection.createStatement();
                var rs = statement.executeQuery("select coalesce(max(id), 0) + 1 from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
