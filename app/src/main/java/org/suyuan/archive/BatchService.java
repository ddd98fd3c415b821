package org.suyuan.archive;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.suyuan.SuyuanProperties;
import org.suyuan.account.CurrentUser;
import org.suyuan.db.archive.Attachment;
import org.suyuan.db.archive.AttachmentRepository;
import org.suyuan.db.archive.Batch;
import org.suyuan.db.archive.BatchEvent;
import org.suyuan.db.archive.BatchEventRepository;
import org.suyuan.db.archive.BatchEventTails;
import org.suyuan.db.archive.BatchRepository;
import org.suyuan.db.archive.BatchStatus;
import org.suyuan.db.archive.EventType;
import org.suyuan.db.archive.Organization;
import org.suyuan.db.archive.OrganizationRepository;
import org.suyuan.db.archive.Plot;
import org.suyuan.db.archive.Product;
import org.suyuan.db.archive.RefusedAttempt;
import org.suyuan.db.archive.RefusedAttemptRepository;
import org.suyuan.problem.ConflictException;
import org.suyuan.problem.InvalidInputException;
import org.suyuan.problem.NotFoundException;
import org.suyuan.problem.ProblemException;
import org.suyuan.problem.ValidationFailedException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens batches and appends to their production archive, enforcing the consumer-protection rules.
 *
 * <p>Appending locks the batch row, so concurrent writers (two phones, two app instances) get consecutive
 * sequence numbers and one unbroken hash chain. Nothing here updates or deletes an event.
 */
@Service
public class BatchService {

    private final BatchRepository batches;
    private final BatchEventRepository events;
    private final OrganizationRepository organizations;
    private final AttachmentRepository attachments;
    private final RefusedAttemptRepository refusedAttempts;
    private final OrganizationService registry;
    private final ArchiveRules rules;
    private final RefusalLog refusals;
    private final TransactionTemplate transactions;
    private final EventDocument documents;
    private final ApplicationEventPublisher publisher;
    private final Validator validator;
    private final JsonMapper json;
    private final SuyuanProperties properties;
    private final AttachmentProperties attachmentProperties;
    private final Clock clock;

    BatchService(
            BatchRepository batches,
            BatchEventRepository events,
            OrganizationRepository organizations,
            AttachmentRepository attachments,
            RefusedAttemptRepository refusedAttempts,
            OrganizationService registry,
            ArchiveRules rules,
            RefusalLog refusals,
            PlatformTransactionManager transactionManager,
            EventDocument documents,
            ApplicationEventPublisher publisher,
            Validator validator,
            JsonMapper json,
            SuyuanProperties properties,
            AttachmentProperties attachmentProperties,
            Clock clock) {
        this.batches = batches;
        this.events = events;
        this.organizations = organizations;
        this.attachments = attachments;
        this.refusedAttempts = refusedAttempts;
        this.registry = registry;
        this.rules = rules;
        this.refusals = refusals;
        this.transactions = new TransactionTemplate(transactionManager);
        this.documents = documents;
        this.publisher = publisher;
        this.validator = validator;
        this.json = json;
        this.properties = properties;
        this.attachmentProperties = attachmentProperties;
        this.clock = clock;
    }

    /** A batch to open; {@code startedOn} defaults to today. */
    public record NewBatch(String batchNumber, Long productId, Long plotId, LocalDate startedOn, String notes) {}

    /**
     * An event to record. {@code details} holds the fields of {@code type} (see {@link EventDetails});
     * {@code supersedes} names the event this one corrects.
     */
    public record NewEvent(EventType type, LocalDate occurredOn, Long supersedes, JsonNode details) {}

    @Transactional
    public Batch open(CurrentUser user, NewBatch request) {
        Long organizationId = user.requireOrganization();
        Product product = registry.product(organizationId, request.productId());
        Plot plot = registry.plot(organizationId, request.plotId());
        return open(user, request.batchNumber(), request.startedOn(), product, plot, null, null, request.notes());
    }

    /** The buyer's batch for goods received from another organization: its number and the buyer's notes. */
    public record ReceivedBatch(String batchNumber, String notes) {}

    /**
     * Opens a batch for goods received from an upstream batch. A receipt does not change what the goods are: the
     * batch carries the source's product and plot (产地) and names the producer of origin and the source in its
     * 建档; a 收货 event records the quantity, which is what this batch may sell.
     */
    @Transactional
    Batch openReceived(
            CurrentUser buyer,
            ReceivedBatch request,
            Batch source,
            LocalDate receivedOn,
            EventDetails.Receipt receipt) {
        OrganizationService.Origin origin = registry.originOf(source);
        Batch batch = open(
                buyer,
                request.batchNumber(),
                receivedOn,
                origin.product(),
                origin.plot(),
                origin.producer(),
                receipt.source(),
                request.notes());
        append(batch, null, EventType.RECEIPT, batch.getStartedOn(), receipt, buyer);
        return batch;
    }

    private Batch open(
            CurrentUser user,
            String batchNumber,
            LocalDate requestedStart,
            Product product,
            Plot plot,
            Organization producer,
            EventDetails.SourceSnapshot source,
            String notes) {
        Long organizationId = user.requireOrganization();
        BatchNumber number = BatchNumber.parse(batchNumber);
        LocalDate today = today();
        LocalDate startedOn = requestedStart == null ? today : requestedStart;
        if (startedOn.isAfter(today)) {
            throw InvalidInputException.eventDetails("startedOn", "批次开始日期不能晚于今天。");
        }
        if (batches.existsByOrganizationIdAndBatchNumber(organizationId, number.value())) {
            throw ConflictException.duplicateBatchNumber(number.value());
        }
        Batch batch = batches.save(
                new Batch(organizationId, product.getId(), plot.getId(), number.value(), startedOn, now()));
        Organization organization = organizations.findById(organizationId).orElseThrow();
        EventDetails.Created created = new EventDetails.Created(
                number.value(),
                startedOn.toString(),
                new EventDetails.ProductSnapshot(
                        product.getId(),
                        product.getName(),
                        product.getCategory().name(),
                        product.getVariety(),
                        product.getGtin()),
                new EventDetails.PlotSnapshot(
                        plot.getId(),
                        plot.getName(),
                        plot.getRegionCode(),
                        plot.getAddress(),
                        plot.getLatitude() == null ? null : plot.getLatitude().toPlainString(),
                        plot.getLongitude() == null ? null : plot.getLongitude().toPlainString()),
                snapshot(organization),
                producer == null || producer.getId().equals(organizationId) ? null : snapshot(producer),
                source,
                notes);
        append(batch, null, EventType.CREATED, startedOn, created, user);
        return batch;
    }

    private static EventDetails.OrganizationSnapshot snapshot(Organization organization) {
        return new EventDetails.OrganizationSnapshot(
                organization.getId(),
                organization.getName(),
                organization.getType().name(),
                organization.getCreditCode() != null ? organization.getCreditCode() : organization.getIdCardMasked(),
                organization.getRegionCode(),
                organization.getAddress());
    }

    /**
     * Records an event after checking every rule; a refused attempt is stored and then reported.
     *
     * <p>The refusal is stored once the transaction holding the batch's lock has ended (see {@link RefusalLog}).
     *
     * @throws RuleViolationException when a rule refuses it (the refusal is stored)
     */
    public ArchiveEntry record(CurrentUser user, Long batchId, NewEvent request) {
        Long organizationId = user.requireOrganization();
        return refusals.writeAfter(() -> transactions.execute(status -> {
            Batch batch = batches.lockByIdAndOrganizationId(batchId, organizationId)
                    .orElseThrow(() -> NotFoundException.batch(batchId));
            Appending appending = new Appending(batch, user);
            recordLocked(appending, request);
            return store(List.of(appending)).get(0);
        }));
    }

    /** One event of a bulk request, for the batch it names. */
    public record BulkEvent(Long batchId, NewEvent event) {}

    /** What a bulk request stored, per event, in request order. */
    public record Recorded(Long eventId, Long batchId, int sequenceNumber, String eventHash) {}

    /**
     * Records many events, possibly for several batches, in one transaction: all of them or none. Every event is
     * judged by the same rules as a single one, against the batch's history including the events before it in the
     * request. For integrators and imports, which would otherwise pay a request and a transaction per event.
     *
     * @throws BulkEventRejectedException naming the index of the first event refused (its refusal is stored)
     */
    public List<Recorded> recordAll(CurrentUser user, List<BulkEvent> request) {
        Long organizationId = user.requireOrganization();
        return refusals.writeAfter(
                () -> transactions.execute(status -> recordAllLocking(user, organizationId, request)));
    }

    private List<Recorded> recordAllLocking(CurrentUser user, Long organizationId, List<BulkEvent> request) {
        // Lock every batch first, in id order, so two bulk requests cannot deadlock on each other.
        java.util.Map<Long, Appending> locked = new java.util.TreeMap<>();
        request.stream()
                .map(BulkEvent::batchId)
                .distinct()
                .sorted()
                .forEach(batchId -> locked.put(
                        batchId,
                        new Appending(
                                batches.lockByIdAndOrganizationId(batchId, organizationId)
                                        .orElseThrow(() -> new BulkEventRejectedException(
                                                indexOfBatch(request, batchId), NotFoundException.batch(batchId))),
                                user)));
        for (int index = 0; index < request.size(); index++) {
            BulkEvent item = request.get(index);
            try {
                recordLocked(locked.get(item.batchId()), item.event());
            } catch (ProblemException problem) {
                throw new BulkEventRejectedException(index, problem);
            }
        }
        List<ArchiveEntry> stored = store(List.copyOf(locked.values()));
        // Stored batch by batch; answered in request order.
        java.util.Map<Long, java.util.Iterator<ArchiveEntry>> byBatch = new java.util.HashMap<>();
        int offset = 0;
        for (Appending appending : locked.values()) {
            int count = appending.added.size();
            byBatch.put(
                    appending.batch.getId(),
                    stored.subList(offset, offset + count).iterator());
            offset += count;
        }
        List<Recorded> recorded = new java.util.ArrayList<>(request.size());
        for (BulkEvent item : request) {
            ArchiveEntry entry = byBatch.get(item.batchId()).next();
            recorded.add(new Recorded(entry.id(), item.batchId(), entry.sequenceNumber(), entry.eventHash()));
        }
        return recorded;
    }

    private static int indexOfBatch(List<BulkEvent> request, Long batchId) {
        for (int index = 0; index < request.size(); index++) {
            if (request.get(index).batchId().equals(batchId)) {
                return index;
            }
        }
        return -1;
    }

    /** Judges an event against its locked batch's history (including what this transaction added) and adds it. */
    private void recordLocked(Appending appending, NewEvent request) {
        Batch batch = appending.batch;
        if (request.type() == null || request.occurredOn() == null) {
            throw new ValidationFailedException(List.of(
                    new ValidationFailedException.FieldError(request.type() == null ? "type" : "occurredOn", "必须填写")));
        }
        if (request.type() == EventType.RAPID_TEST) {
            // A producer vouching for its own goods as if a station had tested them would defeat the point.
            throw InvalidInputException.eventDetails("type", "快检结果只能由乡镇快检室的账号记录（POST /api/v1/rapid-tests）。");
        }
        EventDetails details = parseDetails(request.type(), request.details());
        ArchiveEntry corrected = request.supersedes() == null
                ? null
                : events.findByIdAndBatchId(request.supersedes(), batch.getId())
                        .map(this::entryOf)
                        .orElseThrow(() -> NotFoundException.event(request.supersedes()));
        // Only the event types the rules judge this candidate by: a batch's whole history, parsed on every write,
        // made recording slower the longer the batch grew.
        List<ArchiveEntry> history =
                appending.history(ArchiveRules.historyNeededFor(request.type(), corrected != null));
        try {
            rules.check(
                    batch,
                    appending.product(),
                    history,
                    new ArchiveRules.Candidate(request.type(), request.occurredOn(), details, corrected),
                    today());
        } catch (RuleViolationException violation) {
            refusals.record(
                    batch.getOrganizationId(),
                    batch.getId(),
                    appending.user.username(),
                    request.type(),
                    violation,
                    json.writeValueAsString(request));
            throw violation;
        }
        details = withAttachmentHash(batch, details);
        appending.add(corrected, request.type(), request.occurredOn(), details);
    }

    @Transactional(readOnly = true)
    public Batch batch(Long organizationId, Long batchId) {
        return batches.findByIdAndOrganizationId(batchId, organizationId)
                .orElseThrow(() -> NotFoundException.batch(batchId));
    }

    /** This organization's batch with this batch number, if there is one (imports name batches by number). */
    @Transactional(readOnly = true)
    public java.util.Optional<Batch> batchByNumber(Long organizationId, String batchNumber) {
        return batches.findByOrganizationIdAndBatchNumber(organizationId, batchNumber);
    }

    @Transactional(readOnly = true)
    public Page<Batch> batches(Long organizationId, Pageable pageable) {
        return batches.findAllByOrganizationId(organizationId, pageable);
    }

    /** The whole archive of a batch in recording order, corrections included. */
    @Transactional(readOnly = true)
    public List<ArchiveEntry> history(Long organizationId, Long batchId) {
        return history(batch(organizationId, batchId));
    }

    @Transactional(readOnly = true)
    public Page<ArchiveEntry> events(Long organizationId, Long batchId, Pageable pageable) {
        batch(organizationId, batchId);
        return events.findAllByBatchId(batchId, pageable).map(this::entryOf);
    }

    /** Every rule the stored archive breaks: what a certificate or an inspector must not overlook. */
    @Transactional(readOnly = true)
    public List<RuleViolationException> violations(Long organizationId, Long batchId) {
        Batch batch = batch(organizationId, batchId);
        return rules.violationsIn(registry.productOf(batch), history(batch));
    }

    /** {@link #violations(Long, Long)} of a history the caller has already read. */
    public List<RuleViolationException> violationsIn(Product product, List<ArchiveEntry> history) {
        return rules.violationsIn(product, history);
    }

    @Transactional(readOnly = true)
    public Page<RefusedAttempt> refusedAttempts(Long organizationId, Pageable pageable) {
        return refusedAttempts.findAllByOrganizationId(organizationId, pageable);
    }

    /**
     * The archive of a batch the caller may already see, whoever owns it: supervision reads batches of its
     * jurisdiction through this after checking the jurisdiction itself.
     */
    @Transactional(readOnly = true)
    public List<ArchiveEntry> historyOf(Batch batch) {
        return history(batch);
    }

    /**
     * Recalls a batch on behalf of a regulator (or of the recall of an upstream batch): a 召回 event recorded by
     * the actor, whoever owns the batch. Supervision decides who may; a batch already recalled is left as it is.
     *
     * @return whether the batch was recalled now (false when it already was)
     */
    @Transactional
    public boolean recallOnBehalf(CurrentUser actor, Long batchId, EventDetails.Recall recall) {
        Batch batch = batches.lockById(batchId).orElseThrow(() -> NotFoundException.batch(batchId));
        if (batch.getStatus() == BatchStatus.RECALLED) {
            return false;
        }
        append(batch, null, EventType.RECALL, today(), recall, actor);
        return true;
    }

    /** What a batch is, in the words a station or a bureau names it by. */
    public record TestedBatch(
            Long batchId, String batchNumber, Long organizationId, String organizationName, String productName) {}

    /** A batch by id, whoever owns it, for a caller that found it through a code anyone may scan. */
    @Transactional(readOnly = true)
    public TestedBatch testedBatch(Long batchId) {
        Batch batch = batches.findById(batchId).orElseThrow(() -> NotFoundException.batch(batchId));
        Organization owner = organizations.findById(batch.getOrganizationId()).orElseThrow();
        Product product = registry.productOf(batch);
        return new TestedBatch(
                batch.getId(),
                batch.getBatchNumber(),
                owner.getId(),
                owner.getName(),
                product.getName() + "（" + product.getVariety() + "）");
    }

    /** The photo of a rapid test's strip, as the station uploaded it. */
    public record StripPhoto(String filename, byte[] content) {}

    /**
     * Records a rapid test (快检) by an inspection station on whatever batch it tested, whoever owns it: the station
     * has the goods in front of it, not an account of their owner. The station's name and the bureau it reports to
     * come from its account, not from the request; the photo is stored with the batch and bound by its hash. The
     * event is hashed into the batch's chain and anchored like every other.
     *
     * @param testedOn the day the sample was tested, not after today; null for today
     * @throws ValidationFailedException naming what is missing or malformed
     */
    @Transactional
    public ArchiveEntry recordRapidTest(
            CurrentUser station, Long batchId, LocalDate testedOn, EventDetails.RapidTest test, StripPhoto photo) {
        if (!station.isStation()) {
            throw new org.springframework.security.access.AccessDeniedException("只有快检室的账号可以记录快检结果。");
        }
        Set<ConstraintViolation<EventDetails.RapidTest>> violations = validator.validate(test);
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations.stream()
                    .map(v -> new ValidationFailedException.FieldError(
                            v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(ValidationFailedException.FieldError::field))
                    .toList());
        }
        LocalDate day = testedOn == null ? today() : testedOn;
        if (day.isAfter(today())) {
            throw InvalidInputException.eventDetails("testedOn", "检测日期不能晚于今天。");
        }
        Batch batch = batches.lockById(batchId).orElseThrow(() -> NotFoundException.batch(batchId));
        Attachment stored = photo == null || photo.content() == null || photo.content().length == 0
                ? null
                : attachments.save(AttachmentService.checked(
                        batch.getId(),
                        photo.filename(),
                        photo.content(),
                        attachmentProperties,
                        station.username(),
                        now()));
        EventDetails.RapidTest recorded = new EventDetails.RapidTest(
                station.displayName(),
                station.jurisdictionCode(),
                test.item().strip(),
                test.method().strip(),
                test.limit().strip(),
                test.value().strip(),
                blankToNull(test.unit()),
                test.result(),
                test.sampler().strip(),
                blankToNull(test.samplePlace()),
                stored == null ? null : stored.getId(),
                stored == null ? null : stored.getSha256(),
                blankToNull(test.notes()));
        return append(batch, null, EventType.RAPID_TEST, day, recorded, station);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private List<ArchiveEntry> history(Batch batch) {
        return events.findAllByBatchIdOrderBySequenceNumber(batch.getId()).stream()
                .map(this::entryOf)
                .toList();
    }

    /** Appends one event the caller has judged (or that the service writes itself) to a locked batch, and stores it. */
    private ArchiveEntry append(
            Batch batch,
            ArchiveEntry corrected,
            EventType type,
            LocalDate occurredOn,
            EventDetails details,
            CurrentUser user) {
        Appending appending = new Appending(batch, user);
        appending.add(corrected, type, occurredOn, details);
        return store(List.of(appending)).get(0);
    }

    /**
     * Stores what was appended to locked batches in this transaction: every event in one JDBC batch, then one
     * {@link EventRecorded} per event, in order, inside the transaction (the anchoring outbox and the other
     * listeners act on it there).
     *
     * @return the stored entries, batch after batch in the order given, each batch's in sequence
     */
    private List<ArchiveEntry> store(List<Appending> appended) {
        List<BatchEvent> rows = new java.util.ArrayList<>();
        appended.forEach(appending -> rows.addAll(appending.added));
        List<Long> ids = events.insertAll(rows);
        List<ArchiveEntry> stored = new java.util.ArrayList<>(rows.size());
        int index = 0;
        for (Appending appending : appended) {
            for (int added = 0; added < appending.added.size(); added++, index++) {
                BatchEvent row = rows.get(index);
                Long id = ids.get(index);
                publisher.publishEvent(new EventRecorded(
                        appending.batch.getOrganizationId(),
                        row.getBatchId(),
                        id,
                        row.getSequenceNumber(),
                        row.getType(),
                        row.getEventHash()));
                stored.add(new ArchiveEntry(
                        id,
                        row.getSequenceNumber(),
                        row.getType(),
                        row.getOccurredOn(),
                        row.getRecordedAt(),
                        row.getRecordedBy(),
                        row.getSupersedesEventId(),
                        appending.details.get(added),
                        row.getEventHash()));
            }
        }
        return stored;
    }

    /**
     * A locked batch while events are appended to it in one transaction: they are chained and judged in memory, the
     * batch's tail, product and history read once, and then stored together by {@link #store}.
     */
    private final class Appending {

        private final Batch batch;
        private final CurrentUser user;
        private final List<BatchEvent> added = new java.util.ArrayList<>();
        private final List<EventDetails> details = new java.util.ArrayList<>();
        private final List<ArchiveEntry> addedEntries = new java.util.ArrayList<>();
        private final Set<EventType> loadedTypes = java.util.EnumSet.noneOf(EventType.class);
        private final List<ArchiveEntry> storedHistory = new java.util.ArrayList<>();
        private int lastSequence = -1;
        private String lastHash;
        private Product product;

        Appending(Batch batch, CurrentUser user) {
            this.batch = batch;
            this.user = user;
        }

        Product product() {
            if (product == null) {
                product = registry.productOf(batch);
            }
            return product;
        }

        /** The batch's events of these types in sequence: those stored before, then those added here. */
        List<ArchiveEntry> history(Set<EventType> types) {
            if (types.isEmpty()) {
                return List.of();
            }
            Set<EventType> missing = java.util.EnumSet.copyOf(types);
            missing.removeAll(loadedTypes);
            if (!missing.isEmpty()) {
                events.findAllByBatchIdAndTypeInOrderBySequenceNumber(batch.getId(), missing).stream()
                        .map(BatchService.this::entryOf)
                        .forEach(storedHistory::add);
                storedHistory.sort(Comparator.comparingInt(ArchiveEntry::sequenceNumber));
                loadedTypes.addAll(missing);
            }
            List<ArchiveEntry> history = new java.util.ArrayList<>();
            for (ArchiveEntry entry : storedHistory) {
                if (types.contains(entry.type())) {
                    history.add(entry);
                }
            }
            for (ArchiveEntry entry : addedEntries) {
                if (types.contains(entry.type())) {
                    history.add(entry);
                }
            }
            return history;
        }

        void add(ArchiveEntry corrected, EventType type, LocalDate occurredOn, EventDetails eventDetails) {
            if (lastSequence < 0) {
                BatchEventTails.Tail last = events.tailOf(batch.getId()).orElse(null);
                lastSequence = last == null ? 0 : last.sequenceNumber();
                lastHash = last == null ? EventDocument.genesisHash() : last.eventHash();
            }
            int sequence = lastSequence + 1;
            String previousHash = lastHash;
            String detailsJson = documents.canonicalDetails(eventDetails);
            Instant recordedAt = now();
            Long supersedes = corrected == null ? null : corrected.id();
            BatchEvent unhashed = new BatchEvent(
                    batch.getId(),
                    sequence,
                    type,
                    occurredOn,
                    recordedAt,
                    user.username(),
                    supersedes,
                    detailsJson,
                    previousHash,
                    "");
            String canonical =
                    documents.canonicalJson(batch, unhashed, corrected == null ? null : corrected.eventHash());
            String eventHash = EventDocument.hash(previousHash, canonical).hex();
            added.add(unhashed.withEventHash(eventHash));
            details.add(eventDetails);
            // Not stored yet, so without an id; later candidates of this transaction are judged with it.
            addedEntries.add(new ArchiveEntry(
                    null,
                    sequence,
                    type,
                    occurredOn,
                    recordedAt,
                    user.username(),
                    supersedes,
                    eventDetails,
                    eventHash));
            lastSequence = sequence;
            lastHash = eventHash;
            reachStage(batch, type);
        }
    }

    private static void reachStage(Batch batch, EventType type) {
        switch (type) {
            case HARVEST -> batch.reach(BatchStatus.HARVESTED);
            case SHIPMENT -> batch.reach(BatchStatus.SHIPPED);
            case RECEIPT -> batch.reach(BatchStatus.HARVESTED);
            case RECALL -> batch.reach(BatchStatus.RECALLED);
            default -> {}
        }
    }

    private EventDetails parseDetails(EventType type, JsonNode node) {
        Class<? extends EventDetails> kind = EventKinds.detailsOf(type);
        EventDetails details;
        try {
            // "details": null is read as no details, like an omitted member: the event type's rules then say
            // what is missing, instead of the validator failing on nothing.
            details = json.treeToValue(node == null || node.isNull() ? json.createObjectNode() : node, kind);
        } catch (JacksonException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ProblemException problem) {
                throw problem;
            }
            throw InvalidInputException.eventDetails("details", "记录内容格式不正确：" + e.getOriginalMessage());
        }
        if (details == null) {
            throw InvalidInputException.eventDetails("details", "记录内容应为一个 JSON 对象。");
        }
        Set<ConstraintViolation<EventDetails>> violations = validator.validate(details);
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations.stream()
                    .map(v ->
                            new ValidationFailedException.FieldError("details." + v.getPropertyPath(), v.getMessage()))
                    .sorted(Comparator.comparing(ValidationFailedException.FieldError::field))
                    .toList());
        }
        return details;
    }

    /** A test report is bound to its file by hash, so replacing the file later shows as tampering. */
    private EventDetails withAttachmentHash(Batch batch, EventDetails details) {
        if (!(details instanceof EventDetails.Inspection inspection) || inspection.reportAttachmentId() == null) {
            return details;
        }
        Attachment report = attachments
                .findByIdAndBatchId(inspection.reportAttachmentId(), batch.getId())
                .orElseThrow(() -> NotFoundException.attachment(inspection.reportAttachmentId()));
        return new EventDetails.Inspection(
                inspection.agency(),
                inspection.method(),
                inspection.items(),
                inspection.result(),
                report.getId(),
                report.getSha256(),
                inspection.notes());
    }

    /**
     * A stored event as an archive entry, for readers that loaded the rows themselves (verification reads them
     * raw to recompute hashes).
     *
     * @throws IllegalArgumentException if the stored details no longer parse as the event type's fields
     */
    public ArchiveEntry entryOfStored(BatchEvent event) {
        try {
            return entryOf(event);
        } catch (RuntimeException unreadable) {
            throw new IllegalArgumentException("Stored event " + event.getId() + " has unreadable details", unreadable);
        }
    }

    private ArchiveEntry entryOf(BatchEvent event) {
        EventDetails details = json.readValue(event.getDetails(), EventKinds.detailsOf(event.getType()));
        return new ArchiveEntry(
                event.getId(),
                event.getSequenceNumber(),
                event.getType(),
                event.getOccurredOn(),
                event.getRecordedAt(),
                event.getRecordedBy(),
                event.getSupersedesEventId(),
                details,
                event.getEventHash());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(properties.timeZone()));
    }

    private Instant now() {
        return clock.instant();
    }
}
