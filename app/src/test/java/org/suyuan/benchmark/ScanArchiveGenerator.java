package org.suyuan.benchmark;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.springframework.test.util.ReflectionTestUtils;
import org.suyuan.archive.EventDetails;
import org.suyuan.archive.EventDocument;
import org.suyuan.archive.EventDocumentAccess;
import org.suyuan.archive.Quantity;
import org.suyuan.archive.QuantityUnit;
import org.suyuan.db.archive.Batch;
import org.suyuan.db.archive.BatchEvent;
import org.suyuan.db.archive.EventType;
import org.suyuan.db.code.CodeKind;
import org.suyuan.db.code.CodeStatus;
import org.suyuan.qr.TraceCodeGenerator;

/**
 * Fills a migrated, empty database with an archive that verifies, for the consumer-scan benchmark (issue 5):
 * cooperatives in the districts of 芜湖市 with a plot and a product each, and batches of five events (建档, 定植, 施肥,
 * 施药, 采收), each batch with its trace code.
 *
 * <p>Everything a verifier recomputes is real. The details are the canonical JSON of the {@link EventDetails} records
 * the application stores; each event hash chains over the application's own {@link EventDocument}, so a generated
 * event is byte for byte what recording it through the API would have stored (apart from the clock). Each event also
 * gets its pending anchor leaf, as the recording transaction writes it, so the application's own anchoring worker
 * anchors the whole archive when it starts.
 *
 * <p>Plain JDBC batches, committed every {@value #BATCHES_PER_COMMIT} batches: on MySQL, add {@code
 * rewriteBatchedStatements=true} to the URL.
 */
public final class ScanArchiveGenerator {

    private static final List<String> DISTRICTS =
            List.of("340202", "340207", "340209", "340210", "340212", "340223", "340281");
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final LocalDate FIRST_START = LocalDate.of(2026, 3, 1);
    private static final int BATCHES_PER_COMMIT = 500;

    private ScanArchiveGenerator() {}

    /**
     * What was generated.
     *
     * @param codes every batch's trace code, in batch order
     */
    public record Generated(int organizations, int batches, long events, List<String> codes) {}

    /** A producer's registry entries: the organization, its one plot and its one product share an index. */
    private record Producer(long id, String name, String creditCode, String regionCode) {}

    /** One entry of a batch's archive before it is hashed. */
    private record Entry(EventType type, LocalDate occurredOn, String details) {}

    /**
     * Generates {@code batches} batches of five events with their codes and pending leaves. Ids start above any
     * existing row. The same seed generates the same archive, trace codes included.
     */
    public static Generated generate(DataSource dataSource, EventDocument documents, int batches, long seed)
            throws SQLException {
        Random random = new Random(seed);
        TraceCodeGenerator codes = new TraceCodeGenerator(seeded(seed));
        String planting = details(documents, new EventDetails.Planting("定植", "粉冠一号", "芜湖种子站", null, null));
        String fertilising = details(
                documents,
                new EventDetails.Fertilising("有机肥", null, "有机肥料", Quantity.of("50", QuantityUnit.KG), "撒施", null));
        String pesticideUse = details(
                documents,
                new EventDetails.PesticideUse(
                        "10%苯醚甲环唑水分散粒剂", "PD20070155", "苯醚甲环唑", "60", "克/亩", "喷雾", 7, "早疫病", null));
        // Leaves are written now, as the recording transaction would write them; the events are months older.
        LocalDateTime leavesWrittenAt =
                LocalDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);

        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            List<Producer> producers = insertProducers(connection, Math.max(1, Math.min(2000, batches / 50)));
            long batchBase = next(connection, "batch");
            long eventId = next(connection, "batch_event");
            List<String> issued = new ArrayList<>(batches);
            try (PreparedStatement batchRow = connection.prepareStatement(
                            "insert into batch (id, organization_id, product_id, plot_id, batch_number, status, started_on,"
                                    + " created_at, version) values (?, ?, ?, ?, ?, 'HARVESTED', ?, ?, 0)");
                    PreparedStatement eventRow = connection.prepareStatement(
                            "insert into batch_event (id, batch_id, sequence_number, type, occurred_on, recorded_at,"
                                    + " recorded_by, details, previous_hash, event_hash)"
                                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement codeRow = connection.prepareStatement(
                            "insert into issued_code (code, kind, organization_id, batch_id, item_number, issued_at,"
                                    + " status, version) values (?, ?, ?, ?, 0, ?, ?, 0)");
                    PreparedStatement leafRow = connection.prepareStatement(
                            "insert into anchor_leaf (event_id, batch_id, event_hash, created_at) values (?, ?, ?, ?)")) {
                for (int index = 0; index < batches; index++) {
                    Producer producer = producers.get(random.nextInt(producers.size()));
                    long batchId = batchBase + index;
                    String batchNumber = "S" + batchId;
                    LocalDate startedOn = FIRST_START.plusDays(random.nextInt(120));
                    Instant createdAt = recordedAt(startedOn, 1);
                    Batch batch = storedBatch(batchId, producer.id(), batchNumber, startedOn, createdAt);
                    List<Entry> entries = List.of(
                            new Entry(
                                    EventType.CREATED, startedOn, created(documents, producer, batchNumber, startedOn)),
                            new Entry(EventType.PLANTING, startedOn, planting),
                            new Entry(EventType.FERTILISING, startedOn.plusDays(12), fertilising),
                            new Entry(EventType.PESTICIDE_USE, startedOn.plusDays(30), pesticideUse),
                            new Entry(
                                    EventType.HARVEST,
                                    startedOn.plusDays(45),
                                    details(
                                            documents,
                                            new EventDetails.Harvest(
                                                    Quantity.of(
                                                            String.valueOf(200 + random.nextInt(1800)),
                                                            QuantityUnit.KG),
                                                    null))));

                    batchRow.setLong(1, batchId);
                    batchRow.setLong(2, producer.id());
                    batchRow.setLong(3, producer.id());
                    batchRow.setLong(4, producer.id());
                    batchRow.setString(5, batchNumber);
                    batchRow.setObject(6, startedOn);
                    batchRow.setObject(7, utc(createdAt));
                    batchRow.addBatch();

                    String previousHash = EventDocument.genesisHash();
                    for (int sequence = 1; sequence <= entries.size(); sequence++) {
                        Entry entry = entries.get(sequence - 1);
                        Instant recordedAt = recordedAt(entry.occurredOn(), sequence);
                        String recordedBy = "farmer-" + producer.id();
                        BatchEvent unhashed = new BatchEvent(
                                batchId,
                                sequence,
                                entry.type(),
                                entry.occurredOn(),
                                recordedAt,
                                recordedBy,
                                null,
                                entry.details(),
                                previousHash,
                                "");
                        String eventHash = EventDocument.hash(
                                        previousHash, documents.canonicalJson(batch, unhashed, null))
                                .hex();
                        eventRow.setLong(1, eventId);
                        eventRow.setLong(2, batchId);
                        eventRow.setInt(3, sequence);
                        eventRow.setString(4, entry.type().name());
                        eventRow.setObject(5, entry.occurredOn());
                        eventRow.setObject(6, utc(recordedAt));
                        eventRow.setString(7, recordedBy);
                        eventRow.setString(8, entry.details());
                        eventRow.setString(9, previousHash);
                        eventRow.setString(10, eventHash);
                        eventRow.addBatch();
                        leafRow.setLong(1, eventId);
                        leafRow.setLong(2, batchId);
                        leafRow.setString(3, eventHash);
                        leafRow.setObject(4, leavesWrittenAt);
                        leafRow.addBatch();
                        previousHash = eventHash;
                        eventId++;
                    }

                    String code = codes.next().value();
                    codeRow.setString(1, code);
                    codeRow.setString(2, CodeKind.BATCH.name());
                    codeRow.setLong(3, producer.id());
                    codeRow.setLong(4, batchId);
                    codeRow.setObject(5, utc(createdAt));
                    codeRow.setString(6, CodeStatus.ACTIVE.name());
                    codeRow.addBatch();
                    issued.add(code);

                    if (index % BATCHES_PER_COMMIT == BATCHES_PER_COMMIT - 1 || index == batches - 1) {
                        // Parents before children: the foreign keys are checked statement by statement.
                        batchRow.executeBatch();
                        eventRow.executeBatch();
                        codeRow.executeBatch();
                        leafRow.executeBatch();
                        connection.commit();
                    }
                }
            }
            // The connection may be shared (BenchmarkDatabase): leave it as it was handed over.
            connection.setAutoCommit(true);
            return new Generated(producers.size(), batches, (long) batches * 5, issued);
        }
    }

    /**
     * A batch as the application loads it, id included: {@link EventDocument} hashes the id, which only the database
     * assigns to an entity. Its product and plot share the organization's id here.
     */
    static Batch storedBatch(long id, long organizationId, String batchNumber, LocalDate startedOn, Instant createdAt) {
        Batch batch = new Batch(organizationId, organizationId, organizationId, batchNumber, startedOn, createdAt);
        ReflectionTestUtils.setField(batch, "id", id);
        return batch;
    }

    /** Cooperatives with one plot and one product each, all three sharing one id. */
    private static List<Producer> insertProducers(Connection connection, int count) throws SQLException {
        long base = Math.max(
                next(connection, "organization"), Math.max(next(connection, "plot"), next(connection, "product")));
        LocalDateTime registeredAt = LocalDateTime.of(2026, 1, 5, 1, 0);
        List<Producer> producers = new ArrayList<>(count);
        try (PreparedStatement organization = connection.prepareStatement(
                        "insert into organization (id, name, type, credit_code, region_code, address, contact_name,"
                                + " contact_phone, created_at, version) values (?, ?, 'COOPERATIVE', ?, ?, ?, '王建国',"
                                + " '13905530000', ?, 0)");
                PreparedStatement plot = connection.prepareStatement(
                        "insert into plot (id, organization_id, name, region_code, created_at) values (?, ?, ?, ?, ?)");
                PreparedStatement product = connection.prepareStatement(
                        "insert into product (id, organization_id, name, category, variety, created_at)"
                                + " values (?, ?, '番茄', 'VEGETABLE', '粉冠一号', ?)")) {
            for (int index = 0; index < count; index++) {
                long id = base + index;
                String region = DISTRICTS.get(index % DISTRICTS.size());
                Producer producer = new Producer(
                        id,
                        "芜湖生成果蔬专业合作社" + id,
                        EventDocumentAccess.creditCode("93" + region + String.format("%09d", id)),
                        region);
                producers.add(producer);
                organization.setLong(1, id);
                organization.setString(2, producer.name());
                organization.setString(3, producer.creditCode());
                organization.setString(4, region);
                organization.setString(5, "芜湖市" + id + "号");
                organization.setObject(6, registeredAt);
                organization.addBatch();
                plot.setLong(1, id);
                plot.setLong(2, id);
                plot.setString(3, plotName(id));
                plot.setString(4, region);
                plot.setObject(5, registeredAt);
                plot.addBatch();
                product.setLong(1, id);
                product.setLong(2, id);
                product.setObject(3, registeredAt);
                product.addBatch();
            }
            organization.executeBatch();
            plot.executeBatch();
            product.executeBatch();
        }
        connection.commit();
        return producers;
    }

    /** The 建档 details: what the product, plot and organization were when the batch was opened. */
    private static String created(EventDocument documents, Producer producer, String batchNumber, LocalDate startedOn) {
        return details(
                documents,
                new EventDetails.Created(
                        batchNumber,
                        startedOn.toString(),
                        new EventDetails.ProductSnapshot(producer.id(), "番茄", "VEGETABLE", "粉冠一号", null),
                        new EventDetails.PlotSnapshot(
                                producer.id(), plotName(producer.id()), producer.regionCode(), null, null, null),
                        new EventDetails.OrganizationSnapshot(
                                producer.id(),
                                producer.name(),
                                "COOPERATIVE",
                                producer.creditCode(),
                                producer.regionCode(),
                                "芜湖市" + producer.id() + "号"),
                        null,
                        null,
                        null));
    }

    private static String details(EventDocument documents, EventDetails details) {
        return EventDocumentAccess.canonicalDetails(documents, details);
    }

    private static String plotName(long id) {
        return "一号大棚" + id;
    }

    /** The farmer records each entry on its day, in the morning, a minute apart; whole seconds, as the clock ticks. */
    private static Instant recordedAt(LocalDate day, int sequence) {
        return day.atTime(9, sequence).atZone(CHINA).toInstant();
    }

    /** As Hibernate binds an {@link Instant} here ({@code hibernate.jdbc.time_zone=UTC}): the UTC wall-clock time. */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** A reproducible source of trace codes: SHA1PRNG seeded before first use yields the same stream every time. */
    private static SecureRandom seeded(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA1PRNG", e);
        }
    }

    private static long next(Connection connection, String table) throws SQLException {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("select coalesce(max(id), 0) + 1 from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
