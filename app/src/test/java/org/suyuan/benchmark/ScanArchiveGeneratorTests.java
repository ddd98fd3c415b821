package org.suyuan.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.suyuan.archive.EventDetails;
import org.suyuan.archive.EventDocument;
import org.suyuan.archive.EventDocumentAccess;
import org.suyuan.db.TestDatabases;
import org.suyuan.db.archive.Batch;
import org.suyuan.db.archive.BatchEvent;
import org.suyuan.db.archive.EventType;
import org.suyuan.ledger.RecordHash;
import org.suyuan.ledger.proof.CanonicalJson;
import org.suyuan.ledger.proof.HashChain;
import org.suyuan.qr.TraceCode;
import tools.jackson.databind.json.JsonMapper;

/** The benchmark's archive must verify: what it measures is the consumer page of an intact archive. */
class ScanArchiveGeneratorTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final EventDocument DOCUMENTS = EventDocumentAccess.eventDocument(JSON);

    @Test
    void storedHashChainsRecomputeFromTheStoredRows() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(generated("scan-archive-chains", 20, 5));

        List<Batch> batches = jdbc.query(
                "select id, organization_id, batch_number, started_on, created_at from batch order by id",
                (row, number) -> ScanArchiveGenerator.storedBatch(
                        row.getLong("id"),
                        row.getLong("organization_id"),
                        row.getString("batch_number"),
                        row.getObject("started_on", LocalDate.class),
                        row.getObject("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC)));
        assertThat(batches).hasSize(20);
        for (Batch batch : batches) {
            List<BatchEvent> events = jdbc.query(
                    "select * from batch_event where batch_id = ? order by sequence_number",
                    (row, number) -> new BatchEvent(
                            row.getLong("batch_id"),
                            row.getInt("sequence_number"),
                            EventType.valueOf(row.getString("type")),
                            row.getObject("occurred_on", LocalDate.class),
                            row.getObject("recorded_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                            row.getString("recorded_by"),
                            null,
                            row.getString("details"),
                            row.getString("previous_hash"),
                            row.getString("event_hash")),
                    batch.getId());
            assertThat(events)
                    .extracting(BatchEvent::getType)
                    .containsExactly(
                            EventType.CREATED,
                            EventType.PLANTING,
                            EventType.FERTILISING,
                            EventType.PESTICIDE_USE,
                            EventType.HARVEST);
            RecordHash previous = null;
            for (BatchEvent event : events) {
                assertThat(event.getPreviousHash())
                        .isEqualTo(previous == null ? EventDocument.genesisHash() : previous.hex());
                RecordHash recomputed = HashChain.link(
                        RecordHash.parse(event.getPreviousHash()), DOCUMENTS.canonicalJson(batch, event, null));
                assertThat(recomputed.hex()).isEqualTo(event.getEventHash());
                previous = recomputed;
            }
        }
    }

    @Test
    void detailsAreTheCanonicalJsonOfTheApplicationsRecords() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(generated("scan-archive-details", 3, 5));

        for (var row : jdbc.queryForList("select type, details from batch_event")) {
            String details = (String) row.get("details");
            assertThat(CanonicalJson.isCanonical(details)).isTrue();
            Class<? extends EventDetails> kind = switch (EventType.valueOf((String) row.get("type"))) {
                case CREATED -> EventDetails.Created.class;
                case PLANTING -> EventDetails.Planting.class;
                case FERTILISING -> EventDetails.Fertilising.class;
                case PESTICIDE_USE -> EventDetails.PesticideUse.class;
                case HARVEST -> EventDetails.Harvest.class;
                default -> throw new AssertionError("unexpected event type " + row.get("type"));
            };
            assertThat(EventDocumentAccess.canonicalDetails(DOCUMENTS, JSON.readValue(details, kind)))
                    .isEqualTo(details);
        }
    }

    @Test
    void everyBatchHasOneValidTraceCodeAndEveryEventAPendingLeaf() throws Exception {
        DataSource database = BenchmarkDatabase.migrated(TestDatabases.h2("scan-archive-codes"));
        ScanArchiveGenerator.Generated generated = ScanArchiveGenerator.generate(database, DOCUMENTS, 20, 5);
        JdbcTemplate jdbc = new JdbcTemplate(database);

        List<String> codes = jdbc.queryForList(
                "select code from issued_code where kind = 'BATCH' and item_number = 0 and status = 'ACTIVE'"
                        + " order by batch_id",
                String.class);
        assertThat(codes).hasSize(20).containsExactlyElementsOf(generated.codes());
        assertThat(codes)
                .allSatisfy(code -> assertThat(TraceCode.parse(code).value()).isEqualTo(code));
        assertThat(jdbc.queryForObject(
                        "select count(*) from anchor_leaf l join batch_event e on e.id = l.event_id"
                                + " and e.batch_id = l.batch_id and e.event_hash = l.event_hash"
                                + " where l.anchor_id is null",
                        Long.class))
                .isEqualTo(generated.events())
                .isEqualTo(100);
    }

    @Test
    void theSameSeedGeneratesTheSameCodes() throws Exception {
        assertThat(ScanArchiveGenerator.generate(
                                BenchmarkDatabase.migrated(TestDatabases.h2("scan-archive-seed-1")), DOCUMENTS, 3, 9)
                        .codes())
                .isEqualTo(ScanArchiveGenerator.generate(
                                BenchmarkDatabase.migrated(TestDatabases.h2("scan-archive-seed-2")), DOCUMENTS, 3, 9)
                        .codes());
    }

    private static DataSource generated(String name, int batches, long seed) throws Exception {
        DataSource database = BenchmarkDatabase.migrated(TestDatabases.h2(name));
        ScanArchiveGenerator.generate(database, DOCUMENTS, batches, seed);
        return database;
    }
}
