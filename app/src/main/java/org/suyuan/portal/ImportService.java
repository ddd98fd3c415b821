package org.suyuan.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.suyuan.account.CurrentUser;
import org.suyuan.archive.BatchService;
import org.suyuan.archive.RefusalLog;
import org.suyuan.db.archive.Batch;
import org.suyuan.db.archive.EventType;
import org.suyuan.db.portal.ImportJob;
import org.suyuan.db.portal.ImportJobRepository;
import org.suyuan.problem.NotFoundException;
import org.suyuan.problem.ProblemException;
import org.suyuan.problem.ValidationFailedException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports a file of production records: every row goes through {@link BatchService#record}, so the same rules
 * as the API and the forms judge it, and the whole file is one transaction — all rows are recorded, or none.
 *
 * <p>The upload only reads the file and queues a job; the rows are recorded in the background while the progress
 * page refreshes. Progress and the final report are written to the job row in their own short transactions, so
 * whichever instance serves the progress page sees them. Progress is written by another thread, every
 * {@link #PROGRESS_EVERY}: the import's own thread holds the locks of the batches it records and must never wait for a
 * second pooled connection while it does (requests queued on those locks may hold every other one). If the instance stops half-way, the records' transaction
 * dies with it (nothing is recorded) and the job is shown as interrupted.
 */
@Service
class ImportService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    /** How often the progress bar moves. */
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);

    /** How many problems the report keeps; the count covers all. */
    private static final int REPORT_LIMIT = 300;

    /** A running job not heard from for this long has died with its server. */
    static final Duration STALE_AFTER = Duration.ofMinutes(10);

    private final ImportJobRepository jobs;
    private final BatchService batches;
    private final RefusalLog refusals;
    private final PortalMessages messages;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate recording;
    private final TransactionTemplate bookkeeping;
    private final ExecutorService workers;
    private final ScheduledExecutorService progressWriter;

    ImportService(
            ImportJobRepository jobs,
            BatchService batches,
            RefusalLog refusals,
            PortalMessages messages,
            JsonMapper json,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.jobs = jobs;
        this.batches = batches;
        this.refusals = refusals;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
        this.recording = new TransactionTemplate(transactions);
        this.bookkeeping = new TransactionTemplate(transactions);
        this.bookkeeping.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "suyuan-import-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.progressWriter = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "suyuan-import-progress");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** One thing wrong with the file, in the words of its columns. */
    record Problem(int row, String column, String message) {}

    /** The file cannot be imported at all (not a table, no header, too many rows). */
    static final class ImportRefusedException extends ProblemException {

        ImportRefusedException(String detail) {
            super(HttpStatus.BAD_REQUEST, "import-file-unreadable", "无法读取导入文件", detail);
        }
    }

    /**
     * Reads the file and queues its import, which starts once this transaction commits.
     *
     * @throws ImportRefusedException when the file cannot be read as a table of records
     */
    @Transactional
    public ImportJob submit(CurrentUser user, String filename, byte[] content) {
        Long organizationId = user.requireOrganization();
        ImportFile.Table table;
        try {
            table = ImportFile.read(content, ImportColumns.lookup());
        } catch (ImportFile.UnreadableFileException unreadable) {
            throw new ImportRefusedException(unreadable.getMessage());
        }
        String name = filename == null || filename.isBlank() ? "import" : filename.strip();
        ImportJob job = jobs.save(new ImportJob(
                organizationId,
                user.username(),
                name.length() > 255 ? name.substring(0, 255) : name,
                table.rows().size(),
                clock.instant()));
        Long jobId = job.getId();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                workers.execute(() -> run(jobId, user, table));
            }
        });
        return job;
    }

    @Transactional(readOnly = true)
    public ImportJob job(Long organizationId, Long jobId) {
        return jobs.findByIdAndOrganizationId(jobId, organizationId)
                .orElseThrow(() -> NotFoundException.importJob(jobId));
    }

    @Transactional(readOnly = true)
    public List<ImportJob> recent(Long organizationId) {
        return jobs.findTop10ByOrganizationIdOrderByIdDesc(organizationId);
    }

    /** The problems of a rejected job, as stored. */
    List<Problem> problems(ImportJob job) {
        if (job.getReport() == null || job.getReport().isBlank()) {
            return List.of();
        }
        return json.readValue(job.getReport(), new TypeReference<List<Problem>>() {});
    }

    /** Whether a job that says it is running has not been heard from for so long that its server must have died. */
    boolean isStale(ImportJob job) {
        return !job.getState().isFinished()
                && job.getUpdatedAt().plus(STALE_AFTER).isBefore(clock.instant());
    }

    void run(Long jobId, CurrentUser user, ImportFile.Table table) {
        // Messages in reports are Chinese whatever language the uploader's pages were in: the file is Chinese.
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        List<Problem> problems = new ArrayList<>();
        AtomicInteger recorded = new AtomicInteger();
        Progress progress = new Progress(jobId, table.rows().size());
        ScheduledFuture<?> reporting = progressWriter.scheduleWithFixedDelay(
                progress::write, PROGRESS_EVERY.toMillis(), PROGRESS_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        try {
            update(jobId, job -> job.start(clock.instant()));
            // Refusals of rows are noted while their batches are locked, and written once the import's transaction
            // has ended.
            refusals.writeAfter(() -> recording.execute(transaction -> {
                Map<String, Optional<Long>> batchIds = new HashMap<>();
                for (ImportFile.Row row : table.rows()) {
                    if (importRow(user, row, batchIds, problems)) {
                        recorded.incrementAndGet();
                    }
                    progress.processed.incrementAndGet();
                }
                if (!problems.isEmpty()) {
                    transaction.setRollbackOnly();
                }
                return null;
            }));
            progress.stop();
            if (problems.isEmpty()) {
                update(jobId, job -> job.finish(ImportJob.State.IMPORTED, recorded.get(), 0, null, clock.instant()));
            } else {
                String report = json.writeValueAsString(problems.subList(0, Math.min(problems.size(), REPORT_LIMIT)));
                update(jobId, job -> job.finish(ImportJob.State.REJECTED, 0, problems.size(), report, clock.instant()));
            }
        } catch (RuntimeException failure) {
            log.error("Import job {} failed", jobId, failure);
            progress.stop();
            String report = json.writeValueAsString(
                    List.of(new Problem(0, "", messages.get(Locale.SIMPLIFIED_CHINESE, "import.failed"))));
            try {
                update(jobId, job -> job.finish(ImportJob.State.FAILED, 0, 1, report, clock.instant()));
            } catch (RuntimeException alsoFailed) {
                log.error("Could not mark import job {} as failed", jobId, alsoFailed);
            }
        } finally {
            reporting.cancel(false);
            LocaleContextHolder.resetLocaleContext();
        }
    }

    /** How far a running import has come, written to its job row from the progress thread. */
    private final class Progress {
        final AtomicInteger processed = new AtomicInteger();
        private final Long jobId;
        private final int rows;
        private int written;
        private boolean stopped;

        Progress(Long jobId, int rows) {
            this.jobId = jobId;
            this.rows = rows;
        }

        synchronized void write() {
            int done = processed.get();
            if (stopped || done == written || done >= rows) {
                return;
            }
            try {
                update(jobId, job -> job.progress(done, clock.instant()));
                written = done;
            } catch (RuntimeException notNow) {
                log.warn("Could not write the progress of import job {}: {}", jobId, notNow.getMessage());
            }
        }

        /** After this no progress is written, so a late one cannot overwrite the job's final state. */
        synchronized void stop() {
            stopped = true;
        }
    }

    /**
     * Records one row; a refusal becomes a problem of that row and the import carries on, so that one upload
     * reports every wrong row (later rows are judged as if the wrong ones were not there).
     *
     * @return whether the row was recorded
     */
    private boolean importRow(
            CurrentUser user, ImportFile.Row row, Map<String, Optional<Long>> batchIds, List<Problem> problems) {
        int before = problems.size();
        String batchNumber = row.cell(ImportFile.BATCH_NUMBER);
        Long batchId = null;
        if (batchNumber.isEmpty()) {
            problems.add(problem(row, ImportFile.BATCH_NUMBER, "请填写批次号。"));
        } else {
            batchId = batchIds.computeIfAbsent(
                            batchNumber,
                            number -> batches.batchByNumber(user.organizationId(), number)
                                    .map(Batch::getId))
                    .orElse(null);
            if (batchId == null) {
                problems.add(problem(
                        row, ImportFile.BATCH_NUMBER, "没有批次号为“" + batchNumber + "”的批次。请先在“新建批次”里建立这个批次，或核对批次号。"));
            }
        }
        EventType type = null;
        String typeText = row.cell(ImportFile.TYPE);
        if (typeText.isEmpty()) {
            problems.add(problem(row, ImportFile.TYPE, "请填写记录类型，例如 施药、采收。"));
        } else {
            type = ImportFile.type(typeText);
            if (type == null) {
                problems.add(problem(
                        row,
                        ImportFile.TYPE,
                        "“" + typeText + "”不是可以导入的记录类型。请填写 "
                                + String.join(
                                        "、",
                                        EventFields.RECORDABLE.stream()
                                                .map(EventType::chineseName)
                                                .toList())
                                + " 之一。"));
            }
        }
        LocalDate day = null;
        String dateText = row.cell(ImportFile.DATE);
        if (dateText.isEmpty()) {
            problems.add(problem(row, ImportFile.DATE, "请填写日期，例如 2026-05-01。"));
        } else {
            try {
                day = ImportFile.date(dateText);
            } catch (java.time.DateTimeException wrong) {
                problems.add(problem(row, ImportFile.DATE, "“" + dateText + "”不是日期。请写成 2026-05-01 或 2026/5/1。"));
            }
        }
        if (type == null) {
            return false;
        }
        EventType eventType = type;
        EventFields.Conversion conversion =
                EventFields.toDetails(type, row.cells(), json, field -> ImportColumns.header(field.name()));
        conversion.problems().forEach(p -> problems.add(problem(row, p.field(), p.message())));
        if (problems.size() > before) {
            return false;
        }
        try {
            batches.record(user, batchId, new BatchService.NewEvent(type, day, null, conversion.details()));
            return true;
        } catch (ValidationFailedException invalid) {
            invalid.errors().forEach(error -> {
                String field = EventFields.formField(eventType, error.field());
                problems.add(problem(row, field == null ? "" : field, error.message()));
            });
        } catch (ProblemException refused) {
            Object field = refused.properties().get("field");
            String column = field == null ? null : EventFields.formField(eventType, field.toString());
            problems.add(problem(row, column == null ? "" : column, refused.detail()));
        }
        return false;
    }

    private static Problem problem(ImportFile.Row row, String field, String message) {
        return new Problem(row.number(), field == null || field.isEmpty() ? "" : ImportColumns.header(field), message);
    }

    private void update(Long jobId, Consumer<ImportJob> change) {
        bookkeeping.executeWithoutResult(transaction -> {
            ImportJob job = jobs.findById(jobId).orElseThrow();
            change.accept(job);
        });
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
        progressWriter.shutdownNow();
    }
}
