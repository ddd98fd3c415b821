package org.suyuan.supervision;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suyuan.account.CurrentUser;
import org.suyuan.archive.ArchiveEntry;
import org.suyuan.archive.BatchService;
import org.suyuan.archive.EventDetails;
import org.suyuan.db.archive.Batch;
import org.suyuan.db.archive.BatchRepository;
import org.suyuan.db.archive.EventType;
import org.suyuan.db.supervision.Notice;
import org.suyuan.db.supervision.NoticeRepository;
import org.suyuan.db.supervision.SpotCheckTask;
import org.suyuan.db.supervision.SpotCheckTaskRepository;
import org.suyuan.problem.NotFoundException;
import org.suyuan.verification.Finding;
import org.suyuan.verification.Integrity;
import org.suyuan.verification.VerificationService;

/** What a regulator reads: the dashboard, the producers (名录) and their batches, all within the jurisdiction. */
@Service
public class SupervisionService {

    private final SupervisionQueries queries;
    private final BatchService batchService;
    private final BatchRepository batches;
    private final SpotCheckTaskRepository tasks;
    private final NoticeRepository notices;
    private final VerificationService verification;

    SupervisionService(
            SupervisionQueries queries,
            BatchService batchService,
            BatchRepository batches,
            SpotCheckTaskRepository tasks,
            NoticeRepository notices,
            VerificationService verification) {
        this.verification = verification;
        this.queries = queries;
        this.batchService = batchService;
        this.batches = batches;
        this.tasks = tasks;
        this.notices = notices;
    }

    /** What the bureau told a producer's organization (failed spot checks, recalls), newest first: for its pages. */
    @Transactional(readOnly = true)
    public List<Notice> noticesFor(CurrentUser producer) {
        return notices.findAllByOrganizationIdOrderByIdDesc(producer.requireOrganization());
    }

    public record Dashboard(String jurisdiction, Map<String, Long> counts, List<SupervisionQueries.FlagRow> flags) {}

    /**
     * A producer as the bureau sees it.
     *
     * @param quality data quality in [0, 1]: completeness (harvested batches whose archive has planting and a
     *     test), timeliness (events recorded within 7 days of happening) and their mean
     */
    public record ProducerView(
            SupervisionQueries.ProducerRow producer,
            List<SupervisionQueries.BatchRow> batches,
            List<SupervisionQueries.FlagRow> flags,
            List<SpotCheckTask> spotChecks,
            Map<String, Double> quality) {}

    /**
     * A batch as the bureau sees it.
     *
     * @param integrity its record checked afresh against its hashes and anchor, as a consumer's scan would
     */
    public record BatchView(
            SupervisionQueries.BatchRow batch,
            List<ArchiveEntry> history,
            List<SpotCheckTask> spotChecks,
            Integrity integrity) {

        /** What the integrity check found wrong with the entry of this number, if anything: the page marks it. */
        public Finding findingAt(int sequenceNumber) {
            return integrity.findings().stream()
                    .filter(finding -> finding.sequenceNumber() != null && finding.sequenceNumber() == sequenceNumber)
                    .findFirst()
                    .orElse(null);
        }

        /** The rapid tests of inspection stations that failed, newest first: the page puts them above all else. */
        public List<FailedRapidTest> failedRapidTests() {
            return ArchiveEntry.effective(history).stream()
                    .filter(entry -> entry.details() instanceof EventDetails.RapidTest test && test.failed())
                    .map(entry -> new FailedRapidTest(
                            entry.sequenceNumber(), entry.occurredOn(), entry.detailsAs(EventDetails.RapidTest.class)))
                    .sorted(java.util.Comparator.comparingInt(FailedRapidTest::sequenceNumber)
                            .reversed())
                    .toList();
        }
    }

    /** A failed rapid test, with the number of its entry in the archive. */
    public record FailedRapidTest(int sequenceNumber, java.time.LocalDate testedOn, EventDetails.RapidTest test) {}

    @Transactional(readOnly = true)
    public Dashboard dashboard(CurrentUser regulator) {
        Jurisdiction jurisdiction = Jurisdiction.of(regulator);
        return new Dashboard(jurisdiction.code(), queries.counts(jurisdiction), queries.flags(jurisdiction, 50));
    }

    @Transactional(readOnly = true)
    public List<SupervisionQueries.ProducerRow> producers(CurrentUser regulator) {
        return queries.producers(Jurisdiction.of(regulator));
    }

    @Transactional(readOnly = true)
    public List<SupervisionQueries.BatchRow> batches(CurrentUser regulator) {
        return queries.batches(Jurisdiction.of(regulator));
    }

    @Transactional(readOnly = true)
    public ProducerView producer(CurrentUser regulator, long organizationId) {
        Jurisdiction jurisdiction = Jurisdiction.of(regulator);
        SupervisionQueries.ProducerRow producer = queries.producer(jurisdiction, organizationId)
                .orElseThrow(() -> NotFoundException.organization(organizationId));
        List<SupervisionQueries.BatchRow> own = queries.batches(jurisdiction).stream()
                .filter(b -> b.organizationId() == organizationId)
                .toList();
        List<SupervisionQueries.FlagRow> flags = queries.flags(jurisdiction, 200).stream()
                .filter(flag -> own.stream().anyMatch(b -> b.id() == flag.batchId()))
                .toList();
        return new ProducerView(
                producer, own, flags, tasks.findAllByOrganizationIdOrderByIdDesc(organizationId), quality(own));
    }

    @Transactional(readOnly = true)
    public BatchView batch(CurrentUser regulator, long batchId) {
        SupervisionQueries.BatchRow row =
                queries.batch(Jurisdiction.of(regulator), batchId).orElseThrow(() -> NotFoundException.batch(batchId));
        Batch batch = batches.findById(batchId).orElseThrow();
        return new BatchView(
                row,
                batchService.historyOf(batch),
                tasks.findAllByBatchIdOrderByIdDesc(batchId),
                verification.integrityOf(batch));
    }

    /** The attempts the archive's rules refused on a batch: how many in all, and the newest. */
    public record Refusals(long total, List<SupervisionQueries.RefusalRow> latest) {}

    /** How many refused attempts a batch page lists; the rest are counted. */
    static final int REFUSALS_SHOWN = 100;

    @Transactional(readOnly = true)
    public Refusals refusals(CurrentUser regulator, long batchId) {
        queries.batch(Jurisdiction.of(regulator), batchId).orElseThrow(() -> NotFoundException.batch(batchId));
        return new Refusals(queries.refusalCount(batchId), queries.refusals(batchId, REFUSALS_SHOWN));
    }

    private Map<String, Double> quality(List<SupervisionQueries.BatchRow> rows) {
        int harvested = 0;
        int complete = 0;
        int events = 0;
        int timely = 0;
        for (SupervisionQueries.BatchRow row : rows) {
            List<ArchiveEntry> history = ArchiveEntry.effective(
                    batchService.historyOf(batches.findById(row.id()).orElseThrow()));
            boolean wasHarvested = history.stream().anyMatch(e -> e.type() == EventType.HARVEST);
            if (wasHarvested) {
                harvested++;
                boolean planted = history.stream().anyMatch(e -> e.type() == EventType.PLANTING);
                boolean tested = history.stream().anyMatch(e -> e.type() == EventType.INSPECTION);
                complete += planted && tested ? 1 : 0;
            }
            for (ArchiveEntry entry : history) {
                if (entry.type() == EventType.CREATED || entry.type() == EventType.RECEIPT) {
                    continue;
                }
                events++;
                Duration delay = Duration.between(
                        entry.occurredOn()
                                .atStartOfDay(java.time.ZoneOffset.ofHours(8))
                                .toInstant(),
                        entry.recordedAt());
                timely += delay.toDays() <= 7 ? 1 : 0;
            }
        }
        double completeness = harvested == 0 ? 1.0 : (double) complete / harvested;
        double timeliness = events == 0 ? 1.0 : (double) timely / events;
        return Map.of(
                "completeness", round(completeness),
                "timeliness", round(timeliness),
                "score", round((completeness + timeliness) / 2));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
