package org.suyuan.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.suyuan.db.archive.ProductCategory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read side of supervision, in SQL: every query takes the jurisdiction's region prefix and filters on the
 * producer's registered region, so nothing outside the jurisdiction can be read through it.
 */
@Component
class SupervisionQueries {

    private final NamedParameterJdbcTemplate jdbc;
    private final JsonMapper json;

    SupervisionQueries(NamedParameterJdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * A batch as a regulator's list shows it.
     *
     * @param productName what the batch is and {@code plotName} where it was grown: for goods received from another
     *     organization, the origin's, with {@code originProducerName} naming who grew them (null otherwise)
     */
    record BatchRow(
            long id,
            String batchNumber,
            long organizationId,
            String organizationName,
            String regionCode,
            String productName,
            ProductCategory category,
            String plotName,
            String status,
            LocalDate startedOn,
            String originProducerName) {}

    /** A stored event, still in force (not superseded by a correction). */
    record EventRow(long batchId, String type, LocalDate occurredOn, String details) {}

    /** A producer in the 名录. */
    record ProducerRow(long id, String name, String type, String regionCode, String contactPhone, long batches) {}

    /** One flag: something an inspector should look at, the record that proves it, and when that happened. */
    record FlagRow(String kind, long batchId, String batchNumber, String organizationName, String detail, Instant at) {}

    private static final String BATCH_COLUMNS = """
            select b.id, b.batch_number, o.id as organization_id, o.name as organization_name, o.region_code,
                   p.name as product_name, p.category, pl.name as plot_name, b.status, b.started_on,
                   case when pl.organization_id = b.organization_id then null else po.name end as origin_producer_name
            from batch b join organization o on o.id = b.organization_id join product p on p.id = b.product_id
            join plot pl on pl.id = b.plot_id join organization po on po.id = pl.organization_id
            """;

    List<BatchRow> batches(Jurisdiction jurisdiction) {
        return jdbc.query(
                BATCH_COLUMNS + " where o.region_code like :prefix order by b.id desc",
                scope(jurisdiction),
                (rs, row) -> batchRow(rs));
    }

    Optional<BatchRow> batch(Jurisdiction jurisdiction, long batchId) {
        return jdbc
                .query(
                        BATCH_COLUMNS + " where b.id = :id and o.region_code like :prefix",
                        scope(jurisdiction).addValue("id", batchId),
                        (rs, row) -> batchRow(rs))
                .stream()
                .findFirst();
    }

    /** Any batch, wherever it is: for the trace, which reports nodes outside the jurisdiction only as such. */
    Optional<BatchRow> anyBatch(long batchId) {
        return jdbc
                .query(BATCH_COLUMNS + " where b.id = :id", Map.of("id", batchId), (rs, row) -> batchRow(rs))
                .stream()
                .findFirst();
    }

    /** Many batches at once, wherever they are (the trace decides what the caller may see of each). */
    Map<Long, BatchRow> anyBatches(java.util.Collection<Long> ids) {
        Map<Long, BatchRow> rows = new HashMap<>();
        for (List<Long> chunk : chunks(ids)) {
            jdbc.query(BATCH_COLUMNS + " where b.id in (:ids)", Map.of("ids", chunk), (rs, row) -> batchRow(rs))
                    .forEach(row -> rows.put(row.id(), row));
        }
        return rows;
    }

    /** The events of these types in force on these batches, oldest first. */
    List<EventRow> effectiveEvents(java.util.Collection<Long> batchIds, List<String> types) {
        List<EventRow> events = new java.util.ArrayList<>();
        for (List<Long> chunk : chunks(batchIds)) {
            events.addAll(jdbc.query(
                    """
                    select e.batch_id, e.type, e.occurred_on, e.details from batch_event e
                    where e.batch_id in (:ids) and e.type in (:types)
                      and not exists (select 1 from batch_event c where c.supersedes_event_id = e.id)
                    order by e.batch_id, e.sequence_number
                    """,
                    new MapSqlParameterSource("ids", chunk).addValue("types", types),
                    (rs, row) -> new EventRow(
                            rs.getLong("batch_id"),
                            rs.getString("type"),
                            rs.getDate("occurred_on").toLocalDate(),
                            rs.getString("details"))));
        }
        return events;
    }

    private static List<List<Long>> chunks(java.util.Collection<Long> ids) {
        List<Long> all = List.copyOf(ids);
        List<List<Long>> chunks = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i += 1000) {
            chunks.add(all.subList(i, Math.min(all.size(), i + 1000)));
        }
        return chunks;
    }

    /** The trace codes (item 0, printed on every box) of these batches, by batch id. */
    Map<Long, String> traceCodes(java.util.Collection<Long> batchIds) {
        Map<Long, String> codes = new HashMap<>();
        for (List<Long> chunk : chunks(batchIds)) {
            jdbc.query(
                    "select c.batch_id, c.code from issued_code c where c.batch_id in (:ids) and c.item_number = 0",
                    Map.of("ids", chunk),
                    (java.sql.ResultSet rs) -> {
                        codes.put(rs.getLong("batch_id"), rs.getString("code"));
                    });
        }
        return codes;
    }

    /** An attempt the archive's rules refused on a batch, as an inspector reads it. */
    record RefusalRow(
            Instant attemptedAt, String username, String rule, String eventType, String message, String request) {}

    /** The refused attempts on one batch, newest first, at most {@code limit}. */
    List<RefusalRow> refusals(long batchId, int limit) {
        return jdbc.query(
                """
                select r.attempted_at, r.username, r.rule, r.event_type, r.message, r.request
                from refused_attempt r where r.batch_id = :id order by r.id desc limit :limit
                """,
                new MapSqlParameterSource("id", batchId).addValue("limit", limit),
                (rs, row) -> new RefusalRow(
                        utc(rs, "attempted_at"),
                        rs.getString("username"),
                        rs.getString("rule"),
                        rs.getString("event_type"),
                        rs.getString("message"),
                        rs.getString("request")));
    }

    /** How many attempts were refused on one batch in all. */
    long refusalCount(long batchId) {
        return count(
                "select count(*) from refused_attempt r where r.batch_id = :id",
                new MapSqlParameterSource("id", batchId));
    }

    List<ProducerRow> producers(Jurisdiction jurisdiction) {
        return jdbc.query(
                """
                select o.id, o.name, o.type, o.region_code, o.contact_phone,
                       (select count(*) from batch b where b.organization_id = o.id) as batches
                from organization o where o.region_code like :prefix order by o.id
                """,
                scope(jurisdiction),
                (rs, row) -> new ProducerRow(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("type"),
                        rs.getString("region_code"),
                        rs.getString("contact_phone"),
                        rs.getLong("batches")));
    }

    Optional<ProducerRow> producer(Jurisdiction jurisdiction, long organizationId) {
        return producers(jurisdiction).stream()
                .filter(p -> p.id() == organizationId)
                .findFirst();
    }

    /** Refused attempts per batch and rule, within the jurisdiction. */
    Map<Long, Map<String, Integer>> refusalsByBatch(Jurisdiction jurisdiction) {
        Map<Long, Map<String, Integer>> counts = new HashMap<>();
        jdbc.query("""
                select r.batch_id, r.rule, count(*) as refusals from refused_attempt r
                join organization o on o.id = r.organization_id
                where o.region_code like :prefix and r.batch_id is not null group by r.batch_id, r.rule
                """, scope(jurisdiction), rs -> {
            counts.computeIfAbsent(rs.getLong("batch_id"), id -> new HashMap<>())
                    .put(rs.getString("rule"), rs.getInt("refusals"));
        });
        return counts;
    }

    /**
     * Failed tests recorded in archives, per batch. Details are canonical JSON, so the result is matched exactly
     * as {@code "result":"FAIL"}.
     */
    Map<Long, Integer> failedTestsByBatch(Jurisdiction jurisdiction) {
        Map<Long, Integer> counts = new HashMap<>();
        jdbc.query("""
                select e.batch_id, count(*) as failures from batch_event e join batch b on b.id = e.batch_id
                join organization o on o.id = b.organization_id
                where o.region_code like :prefix and e.type in ('INSPECTION', 'RAPID_TEST') and e.details like :failed
                group by e.batch_id
                """, scope(jurisdiction).addValue("failed", "%\"result\":\"FAIL\"%"), rs -> {
            counts.put(rs.getLong("batch_id"), rs.getInt("failures"));
        });
        return counts;
    }

    /** Per producer: failed spot checks in the last two years and the date of the last spot check. */
    Map<Long, ProducerHistory> producerHistories(Jurisdiction jurisdiction, LocalDate today) {
        Map<Long, ProducerHistory> histories = new HashMap<>();
        jdbc.query("""
                select t.organization_id,
                       sum(case when t.state = 'FAILED' and t.sampled_on >= :twoYearsAgo then 1 else 0 end) as failed,
                       max(t.sampled_on) as last_check
                from spot_check_task t join organization o on o.id = t.organization_id
                where o.region_code like :prefix and t.sampled_on is not null group by t.organization_id
                """, scope(jurisdiction).addValue("twoYearsAgo", today.minusYears(2)), rs -> {
            java.sql.Date last = rs.getDate("last_check");
            histories.put(
                    rs.getLong("organization_id"),
                    new ProducerHistory(rs.getInt("failed"), last == null ? null : last.toLocalDate()));
        });
        return histories;
    }

    record ProducerHistory(int failedSpotChecks, LocalDate lastSpotCheck) {}

    /**
     * The evidence behind the dashboard's flags, newest first: refused attempts, failed tests and spot checks,
     * records the latest finished integrity audit found tampered, and serials scanned like copied labels.
     */
    List<FlagRow> flags(Jurisdiction jurisdiction, int limit) {
        MapSqlParameterSource parameters = scope(jurisdiction).addValue("limit", limit);
        List<FlagRow> flags = new java.util.ArrayList<>(jdbc.query("""
                select r.rule as kind, r.batch_id, b.batch_number, o.name, r.message as detail, r.attempted_at as at
                from refused_attempt r join organization o on o.id = r.organization_id join batch b on b.id = r.batch_id
                where o.region_code like :prefix
                  and r.rule in ('banned-pesticide', 'restricted-pesticide', 'harvest-inside-safety-interval',
                                 'serials-exceed-harvest')
                order by r.id desc limit :limit
                """, parameters, (rs, row) -> flagRow(rs)));
        flags.addAll(jdbc.query("""
                select 'failed-test' as kind, e.batch_id, b.batch_number, o.name, e.details as detail,
                       e.recorded_at as at
                from batch_event e join batch b on b.id = e.batch_id join organization o on o.id = b.organization_id
                where o.region_code like :prefix and e.type = 'INSPECTION' and e.details like '%"result":"FAIL"%'
                order by e.id desc limit :limit
                """, parameters, (rs, row) -> flagRow(rs)));
        // A station's failed rapid test, as the station stated it: who tested, for what, the reading and its limit.
        flags.addAll(jdbc.query("""
                select 'failed-rapid-test' as kind, e.batch_id, b.batch_number, o.name, e.details as detail,
                       e.recorded_at as at
                from batch_event e join batch b on b.id = e.batch_id join organization o on o.id = b.organization_id
                where o.region_code like :prefix and e.type = 'RAPID_TEST' and e.details like '%"result":"FAIL"%'
                order by e.id desc limit :limit
                """, parameters, (rs, row) -> rapidTestFlag(flagRow(rs))));
        flags.addAll(jdbc.query("""
                select 'failed-spot-check' as kind, t.batch_id, b.batch_number, o.name, t.result as detail,
                       t.result_at as at
                from spot_check_task t join batch b on b.id = t.batch_id join organization o on o.id = t.organization_id
                where o.region_code like :prefix and t.state = 'FAILED' order by t.id desc limit :limit
                """, parameters, (rs, row) -> flagRow(rs)));
        flags.addAll(jdbc.query("""
                select 'tampered' as kind, f.batch_id, b.batch_number, o.name, f.detail, a.finished_at as at
                from integrity_finding f join integrity_audit a on a.id = f.audit_id
                join batch b on b.id = f.batch_id join organization o on o.id = b.organization_id
                where o.region_code like :prefix
                  and a.id = (select max(l.id) from integrity_audit l where l.state = 'FINISHED')
                order by f.id limit :limit
                """, parameters, (rs, row) -> flagRow(rs)));
        flags.addAll(jdbc.query("""
                select 'suspicious-scan' as kind, s.batch_id, b.batch_number, o.name,
                       concat(s.code, '：', s.reason) as detail, s.raised_at as at
                from scan_alert s join batch b on b.id = s.batch_id join organization o on o.id = s.organization_id
                where o.region_code like :prefix order by s.id desc limit :limit
                """, parameters, (rs, row) -> flagRow(rs)));
        flags.sort(java.util.Comparator.comparing(
                        FlagRow::at, java.util.Comparator.nullsLast(java.util.Comparator.<Instant>naturalOrder()))
                .reversed());
        return flags;
    }

    /** Whether an organization is registered in the jurisdiction: what reports from other features filter by. */
    boolean organizationIn(Jurisdiction jurisdiction, long organizationId) {
        Long found = jdbc.queryForObject(
                "select count(*) from organization o where o.id = :id and o.region_code like :prefix",
                scope(jurisdiction).addValue("id", organizationId),
                Long.class);
        return found != null && found > 0;
    }

    /** Counts for the dashboard. */
    Map<String, Long> counts(Jurisdiction jurisdiction) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        MapSqlParameterSource scope = scope(jurisdiction);
        counts.put("producers", count("select count(*) from organization o where o.region_code like :prefix", scope));
        counts.put(
                "batches",
                count(
                        "select count(*) from batch b join organization o on o.id = b.organization_id"
                                + " where o.region_code like :prefix",
                        scope));
        counts.put(
                "recalledBatches",
                count(
                        "select count(*) from batch b join organization o on o.id = b.organization_id"
                                + " where o.region_code like :prefix and b.status = 'RECALLED'",
                        scope));
        counts.put(
                "refusedAttempts",
                count(
                        "select count(*) from refused_attempt r join organization o on o.id = r.organization_id"
                                + " where o.region_code like :prefix",
                        scope));
        return counts;
    }

    private long count(String sql, MapSqlParameterSource parameters) {
        Long value = jdbc.queryForObject(sql, parameters, Long.class);
        return value == null ? 0 : value;
    }

    private static MapSqlParameterSource scope(Jurisdiction jurisdiction) {
        return new MapSqlParameterSource("prefix", jurisdiction.prefix() + "%");
    }

    private static BatchRow batchRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new BatchRow(
                rs.getLong("id"),
                rs.getString("batch_number"),
                rs.getLong("organization_id"),
                rs.getString("organization_name"),
                rs.getString("region_code"),
                rs.getString("product_name"),
                ProductCategory.valueOf(rs.getString("category")),
                rs.getString("plot_name"),
                rs.getString("status"),
                rs.getDate("started_on").toLocalDate(),
                rs.getString("origin_producer_name"));
    }

    private FlagRow rapidTestFlag(FlagRow row) {
        JsonNode test = json.readTree(row.detail());
        String unit = test.path("unit").asString("");
        String detail =
                test.path("station").asString("") + "：" + test.path("item").asString("") + " "
                        + test.path("value").asString("") + unit + "（判定限 "
                        + test.path("limit").asString("") + unit + "，"
                        + test.path("method").asString("") + "，采样 "
                        + test.path("sampler").asString("") + "）";
        return new FlagRow(row.kind(), row.batchId(), row.batchNumber(), row.organizationName(), detail, row.at());
    }

    private static FlagRow flagRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new FlagRow(
                rs.getString("kind"),
                rs.getLong("batch_id"),
                rs.getString("batch_number"),
                rs.getString("name"),
                rs.getString("detail"),
                utc(rs, "at"));
    }

    /**
     * A moment as stored: Hibernate writes instants as UTC wall-clock time ({@code hibernate.jdbc.time_zone}), so
     * they are read as such, whatever the JVM's own zone (a {@code getTimestamp} would read them in it).
     */
    static Instant utc(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        java.time.LocalDateTime stored = rs.getObject(column, java.time.LocalDateTime.class);
        return stored == null ? null : stored.toInstant(java.time.ZoneOffset.UTC);
    }
}
