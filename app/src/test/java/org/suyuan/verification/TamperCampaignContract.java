package org.suyuan.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.suyuan.ApiClient;
import org.suyuan.TestAccounts;
import org.suyuan.TestClockConfiguration;
import org.suyuan.account.AccountService;
import org.suyuan.archive.EventDocument;
import org.suyuan.db.account.UserAccountRepository;
import org.suyuan.db.archive.Batch;
import org.suyuan.db.archive.BatchEvent;
import org.suyuan.db.archive.BatchEventRepository;
import org.suyuan.db.archive.BatchRepository;
import org.suyuan.ledger.RecordHash;
import org.suyuan.ledger.proof.HashChain;
import org.suyuan.verification.VerificationFixtures.TracedBatch;
import tools.jackson.databind.JsonNode;

/**
 * An attacker with write access to the database, after the records were anchored: each kind of edit is made with
 * plain SQL on its own batch (one attacker even recomputes the hash chain after editing), and the scan (API and
 * page) and the integrity audit must name that batch with the matching finding, while the batches nobody touched,
 * one of them with a correction, stay verified and out of the audit's findings. Subclasses choose the database.
 */
@Import(TestClockConfiguration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TamperCampaignContract {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    UserAccountRepository users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BatchRepository batchRows;

    @Autowired
    BatchEventRepository eventRows;

    @Autowired
    EventDocument documents;

    ApiClient admin;
    List<TracedBatch> untouched;
    TracedBatch edited;
    TracedBatch deleted;
    TracedBatch reordered;
    TracedBatch reportReplaced;
    TracedBatch rehashed;
    TracedBatch leavesRewritten;

    @BeforeAll
    void anchoredBatchesThenTampered() {
        admin = TestAccounts.administrator(port, accounts, users);
        ApiClient farmer = VerificationFixtures.newProducer(admin, port);
        untouched = List.of(VerificationFixtures.harvestedBatch(farmer), correctedBatch(farmer));
        edited = VerificationFixtures.harvestedBatch(farmer);
        deleted = VerificationFixtures.harvestedBatch(farmer);
        reordered = VerificationFixtures.harvestedBatch(farmer);
        reportReplaced = VerificationFixtures.harvestedBatch(farmer);
        rehashed = VerificationFixtures.harvestedBatch(farmer);
        leavesRewritten = VerificationFixtures.harvestedBatch(farmer);
        List<TracedBatch> all = new ArrayList<>(untouched);
        all.addAll(List.of(edited, deleted, reordered, reportReplaced, rehashed, leavesRewritten));
        VerificationFixtures.awaitAnchored(jdbc, all);
        for (TracedBatch batch : all) {
            assertThat(status(batch)).as("%s before the attack", batch.number()).isEqualTo("VERIFIED");
        }

        editPlantingMethod(edited);
        deleteEvent(deleted, 3);
        swapEvents(reordered, 3, 4);
        replaceReport(reportReplaced);
        editIrrigationAndRehashTheChain(rehashed);
        editIrrigationAndRehashTheChain(leavesRewritten);
        rewriteTheAnchoredLeaves(leavesRewritten);
    }

    @Test
    void anEditedFieldShowsAsAChangedEvent() {
        assertTampered(edited, "CHANGED", 2);

        assertThat(trace(edited).path("certificateUrl").isNull()).isTrue();
        assertThat(trace(edited).path("certificate").isNull()).isTrue();
        assertThat(ApiClient.anonymous(port)
                        .getBytes("/t/" + edited.code() + "/certificate.pdf")
                        .status())
                .as("no certificate for a tampered batch, even by its address")
                .isEqualTo(422);
    }

    @Test
    void aDeletedMiddleEventShowsAsMissing() {
        assertTampered(deleted, "MISSING", 3);
    }

    @Test
    void swappedEventsShowAsReorderedNotAsChanged() {
        JsonNode findings = assertTampered(reordered, "REORDERED", 3);

        assertThat(findings.findValuesAsString("kind")).doesNotContain("CHANGED");
    }

    @Test
    void aReplacedReportShowsAsAChangedAttachment() {
        assertTampered(reportReplaced, "ATTACHMENT_CHANGED", null);
    }

    @Test
    void anEditWithTheChainRehashedShowsAsALeafThatNoLongerMatchesItsAnchor() {
        JsonNode findings = assertTampered(rehashed, "LEAF_CHANGED", 3);

        assertThat(findings.findValuesAsString("kind")).containsOnly("LEAF_CHANGED");
    }

    @Test
    void anEditWithTheChainAndItsAnchoredLeavesRewrittenFailsItsInclusionProof() {
        JsonNode findings = assertTampered(leavesRewritten, "PROOF_FAILS", null);

        assertThat(findings.findValuesAsString("kind")).doesNotContain("LEAF_CHANGED");
    }

    @Test
    void batchesNobodyTouchedStayVerified() {
        for (TracedBatch batch : untouched) {
            JsonNode trace = trace(batch);
            assertThat(trace.path("status").asText()).as(batch.number()).isEqualTo("VERIFIED");
            assertThat(trace.path("verification").path("findings"))
                    .as(batch.number())
                    .isEmpty();
            assertThat(page(batch)).contains("data-status=\"VERIFIED\"");
        }
        TracedBatch harvested = untouched.get(0);
        assertThat(trace(harvested).path("certificateUrl").asText())
                .isEqualTo("/t/" + harvested.code() + "/certificate.pdf");
        // In words too: WeChat on Android cannot open the PDF.
        assertThat(trace(harvested).path("certificate").path("commitment").asText())
                .isEqualTo("未使用禁用农药兽药及其他化合物；使用的常规农药兽药残留不超标");
        assertThat(page(harvested)).contains("未使用禁用农药兽药及其他化合物；使用的常规农药兽药残留不超标");
        ApiClient.BinaryResponse certificate =
                ApiClient.anonymous(port).getBytes("/t/" + harvested.code() + "/certificate.pdf");
        assertThat(certificate.status()).isEqualTo(200);
        assertThat(certificate.header("Content-Type")).isEqualTo("application/pdf");
    }

    @Test
    void theIntegrityAuditNamesEveryTamperedBatchAndNoUntouchedOne() {
        ApiClient.Response audit = admin.post("/api/v1/admin/integrity-audits", Map.of());

        assertThat(audit.status()).as(audit.body()).isEqualTo(201);
        JsonNode report = audit.json();
        assertThat(report.path("audit").path("state").asText()).isEqualTo("FINISHED");
        assertThat(kindsReportedFor(report, edited)).contains("CHANGED");
        assertThat(kindsReportedFor(report, deleted)).contains("MISSING");
        assertThat(kindsReportedFor(report, reordered)).contains("REORDERED").doesNotContain("CHANGED");
        assertThat(kindsReportedFor(report, reportReplaced)).contains("ATTACHMENT_CHANGED");
        assertThat(kindsReportedFor(report, rehashed)).contains("LEAF_CHANGED");
        assertThat(kindsReportedFor(report, leavesRewritten)).isNotEmpty();
        for (TracedBatch batch : untouched) {
            assertThat(kindsReportedFor(report, batch)).as(batch.number()).isEmpty();
        }
        assertThat(admin.get("/api/v1/admin/integrity-audits").json().findValuesAsString("state"))
                .contains("FINISHED");
        assertThat(ApiClient.anonymous(port)
                        .post("/api/v1/admin/integrity-audits", Map.of())
                        .status())
                .isEqualTo(401);
    }

    /** A batch whose irrigation record was corrected by a later record, as the archive allows: no tampering. */
    private static TracedBatch correctedBatch(ApiClient farmer) {
        TracedBatch batch = VerificationFixtures.openedBatch(farmer);
        long irrigation = VerificationFixtures.record(
                farmer, batch, "IRRIGATION", VerificationFixtures.TODAY.minusDays(30), Map.of("method", "滴灌"));
        VerificationFixtures.correct(
                farmer,
                batch,
                irrigation,
                "IRRIGATION",
                VerificationFixtures.TODAY.minusDays(30),
                Map.of("method", "喷灌"));
        return batch;
    }

    /**
     * Asserts the batch's scan says TAMPERED with a finding of the kind (at the event, when given), on the API and
     * on the page; returns the findings.
     */
    private JsonNode assertTampered(TracedBatch batch, String kind, Integer sequenceNumber) {
        JsonNode trace = trace(batch);
        assertThat(trace.path("status").asText()).isEqualTo("TAMPERED");
        JsonNode findings = trace.path("verification").path("findings");
        List<String> matching = new ArrayList<>();
        findings.forEach(finding -> {
            if (finding.path("kind").asText().equals(kind)
                    && (sequenceNumber == null || finding.path("sequenceNumber").asInt() == sequenceNumber)) {
                matching.add(finding.path("detail").asText());
            }
        });
        assertThat(matching)
                .as("%s at %s in %s", kind, sequenceNumber, findings)
                .isNotEmpty();
        // The page words findings in the reader's language; it marks each with its kind.
        assertThat(page(batch)).contains("data-status=\"TAMPERED\"").contains("data-kind=\"" + kind + "\"");
        return findings;
    }

    private static List<String> kindsReportedFor(JsonNode report, TracedBatch batch) {
        List<String> kinds = new ArrayList<>();
        report.path("findings").forEach(finding -> {
            if (finding.path("code").asText().equals(batch.code())
                    || finding.path("batchId").asLong() == batch.id()) {
                assertThat(finding.path("code").asText()).isEqualTo(batch.code());
                assertThat(finding.path("batchNumber").asText()).isEqualTo(batch.number());
                kinds.add(finding.path("kind").asText());
            }
        });
        return kinds;
    }

    private JsonNode trace(TracedBatch batch) {
        ApiClient.Response response = ApiClient.anonymous(port).get("/api/v1/trace/" + batch.code());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private String status(TracedBatch batch) {
        return trace(batch).path("status").asText();
    }

    private String page(TracedBatch batch) {
        ApiClient.Response response =
                ApiClient.anonymous(port).accepting(MediaType.TEXT_HTML_VALUE).get("/t/" + batch.code());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/html");
        return response.body();
    }

    // The attacker's statements: plain SQL, as anyone with the database password could send them.

    private void editPlantingMethod(TracedBatch batch) {
        String details = jdbc.queryForObject(
                "SELECT details FROM batch_event WHERE batch_id = ? AND sequence_number = 2", String.class, batch.id());
        assertThat(details).contains("育苗移栽");
        int updated = jdbc.update(
                "UPDATE batch_event SET details = ? WHERE batch_id = ? AND sequence_number = 2",
                details.replace("育苗移栽", "露地直播"),
                batch.id());
        assertThat(updated).isEqualTo(1);
    }

    private void deleteEvent(TracedBatch batch, int sequenceNumber) {
        long event = eventId(batch, sequenceNumber);
        // The anchoring keeps a leaf per event, which refers to it.
        jdbc.update("DELETE FROM anchor_leaf WHERE event_id = ?", event);
        assertThat(jdbc.update("DELETE FROM batch_event WHERE id = ?", event)).isEqualTo(1);
    }

    private void swapEvents(TracedBatch batch, int first, int second) {
        long firstEvent = eventId(batch, first);
        long secondEvent = eventId(batch, second);
        // (batch_id, sequence_number) is unique: park one event on a number no event has.
        jdbc.update("UPDATE batch_event SET sequence_number = ? WHERE id = ?", -first, firstEvent);
        jdbc.update("UPDATE batch_event SET sequence_number = ? WHERE id = ?", first, secondEvent);
        jdbc.update("UPDATE batch_event SET sequence_number = ? WHERE id = ?", second, firstEvent);
    }

    private void replaceReport(TracedBatch batch) {
        byte[] forged = "%PDF-1.4\n% 检测报告（伪造）\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
        int updated = jdbc.update("UPDATE attachment SET content = ? WHERE batch_id = ?", forged, batch.id());
        assertThat(updated).isEqualTo(1);
    }

    /**
     * The careful attacker: edits the irrigation (3) and recomputes its hash and every later one, so the chain in the
     * database is whole again. Only the anchored leaves still hold the old hashes.
     */
    private void editIrrigationAndRehashTheChain(TracedBatch batch) {
        Batch stored = batchRows.findById(batch.id()).orElseThrow();
        List<BatchEvent> events = eventRows.findAllByBatchIdOrderBySequenceNumber(batch.id());
        String previous = events.get(1).getEventHash();
        for (BatchEvent event : events.subList(2, events.size())) {
            String details =
                    event.getSequenceNumber() == 3 ? event.getDetails().replace("滴灌", "漫灌") : event.getDetails();
            BatchEvent forged = new BatchEvent(
                    event.getBatchId(),
                    event.getSequenceNumber(),
                    event.getType(),
                    event.getOccurredOn(),
                    event.getRecordedAt(),
                    event.getRecordedBy(),
                    event.getSupersedesEventId(),
                    details,
                    previous,
                    event.getEventHash());
            String hash = HashChain.link(RecordHash.parse(previous), documents.canonicalJson(stored, forged, null))
                    .hex();
            jdbc.update(
                    "UPDATE batch_event SET details = ?, previous_hash = ?, event_hash = ? WHERE id = ?",
                    details,
                    previous,
                    hash,
                    event.getId());
            previous = hash;
        }
    }

    /**
     * The most careful attacker: after rehashing the chain, also writes the new hashes into the anchored leaves, so
     * that events and leaves agree. Only the ledger's root, which the leaves' proofs no longer reach, still tells.
     * The other events anchored with them (their neighbours in the tree) must stay verified.
     */
    private void rewriteTheAnchoredLeaves(TracedBatch batch) {
        jdbc.update(
                "UPDATE anchor_leaf SET event_hash = (SELECT e.event_hash FROM batch_event e WHERE e.id ="
                        + " anchor_leaf.event_id) WHERE batch_id = ?",
                batch.id());
    }

    private long eventId(TracedBatch batch, int sequenceNumber) {
        return jdbc.queryForObject(
                "SELECT id FROM batch_event WHERE batch_id = ? AND sequence_number = ?",
                Long.class,
                batch.id(),
                sequenceNumber);
    }
}
