package org.suyuan.verification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.suyuan.anchoring.AnchoringService;
import org.suyuan.anchoring.EventAnchoring;
import org.suyuan.archive.ArchiveEntry;
import org.suyuan.archive.BatchService;
import org.suyuan.archive.EventDetails;
import org.suyuan.archive.OrganizationService;
import org.suyuan.archive.Regions;
import org.suyuan.code.CertificateRefusedException;
import org.suyuan.code.CodeService;
import org.suyuan.code.LabelService;
import org.suyuan.code.UnknownCodeException;
import org.suyuan.db.archive.Attachment;
import org.suyuan.db.archive.AttachmentRepository;
import org.suyuan.db.archive.Batch;
import org.suyuan.db.archive.BatchEvent;
import org.suyuan.db.archive.BatchStatus;
import org.suyuan.db.archive.Organization;
import org.suyuan.db.archive.Plot;
import org.suyuan.db.archive.Product;
import org.suyuan.db.code.CodeKind;
import org.suyuan.db.code.IssuedCode;
import org.suyuan.db.code.ScannedCode;
import org.suyuan.ledger.AnchorReceipt;
import org.suyuan.ledger.RecordHash;
import org.suyuan.ledger.proof.InclusionProof;
import org.suyuan.ledger.proof.ProofBundle;
import org.suyuan.problem.NotFoundException;

/**
 * What a scan of a code answers: the batch's story and whether its record is intact, verified afresh on every scan
 * (the hash chain recomputed from the database, the newest anchored event's inclusion proof checked against a root
 * the ledger confirmed once and is remembered). Every scan is logged.
 */
@Service
public class VerificationService {

    private final CodeService codes;
    private final LabelService labels;
    private final BatchService batches;
    private final ScanRecords records;
    private final Origins origins;
    private final Regions regions;
    private final BatchVerifier verifier;
    private final ScanLog scanLog;
    private final ConsumerTimeline timeline;
    private final AnchoringService anchoring;
    private final MessageSource messages;
    private final AttachmentRepository attachments;
    private final TransactionTemplate reads;

    VerificationService(
            CodeService codes,
            LabelService labels,
            BatchService batches,
            ScanRecords records,
            Origins origins,
            Regions regions,
            BatchVerifier verifier,
            ScanLog scanLog,
            ConsumerTimeline timeline,
            AnchoringService anchoring,
            MessageSource messages,
            AttachmentRepository attachments,
            PlatformTransactionManager transactions) {
        this.codes = codes;
        this.labels = labels;
        this.batches = batches;
        this.records = records;
        this.origins = origins;
        this.regions = regions;
        this.verifier = verifier;
        this.scanLog = scanLog;
        this.timeline = timeline;
        this.anchoring = anchoring;
        this.messages = messages;
        this.attachments = attachments;
        this.reads = new TransactionTemplate(transactions);
        this.reads.setReadOnly(true);
    }

    /**
     * A scan of a code: logs it, verifies the batch and tells its story.
     *
     * @param clientAddress the scanning client's IP address (only a pseudonym of its network is kept)
     * @throws org.suyuan.code.InvalidCodeRequestException (400) for a malformed code
     * @throws org.suyuan.code.UnknownCodeException (404) for a code Suyuan never issued: possibly a counterfeit
     */
    public Trace scan(String code, String clientAddress, Locale locale) {
        String scanned = CodeService.scannedCode(code);
        return scanned(reads.execute(status -> read(scanned)), clientAddress, locale);
    }

    /** {@link #scan} of the code a GS1 Digital Link path names. */
    public Trace scanDigitalLink(String path, String clientAddress, Locale locale) {
        IssuedCode code = codes.scannedDigitalLink(path);
        return scanned(reads.execute(status -> read(code.getCode())), clientAddress, locale);
    }

    /**
     * The proof bundle of a code's batch: its events as canonical JSON with their chained hashes, and the newest
     * anchored event's inclusion proof with the root's ledger record. Handed out as stored, tampered or not: the
     * offline verifier must be able to see for itself.
     */
    public ProofBundle proof(String code) {
        IssuedCode issued = codes.scanned(code);
        Batch batch = batches.batch(issued.getOrganizationId(), issued.getBatchId());
        BatchVerifier.Checked checked = verifier.verifyStored(batch);
        List<BatchEvent> events = checked.events();
        List<String> documents = verifier.storedDocuments(batch, events);
        List<ProofBundle.Event> bundled = new ArrayList<>(events.size());
        int anchoredIndex = -1;
        EventAnchoring.Anchored latest = checked.integrity().latestAnchored();
        for (int i = 0; i < events.size(); i++) {
            BatchEvent event = events.get(i);
            bundled.add(new ProofBundle.Event(
                    documents.get(i),
                    RecordHash.parse(event.getPreviousHash()),
                    RecordHash.parse(event.getEventHash())));
            if (latest != null && latest.eventId() == event.getId()) {
                anchoredIndex = i;
            }
        }
        ProofBundle.Anchor anchor = null;
        AnchorReceipt onLedger = checked.integrity().onLedger();
        if (latest != null && anchoredIndex >= 0) {
            anchor = new ProofBundle.Anchor(
                    anchoredIndex,
                    new InclusionProof(latest.leafIndex(), latest.leafCount(), latest.path()),
                    latest.root(),
                    new ProofBundle.LedgerReference(
                            anchoring.ledgerKind(),
                            latest.transactionId(),
                            latest.blockNumber(),
                            latest.anchoredAt(),
                            onLedger == null
                                    ? latest.leafCount()
                                    : onLedger.request().leafCount()));
        }
        return new ProofBundle(issued.getCode() + " · " + batch.getBatchNumber(), bundled, anchor);
    }

    /**
     * Whether a batch's stored record is intact and anchored, for inspectors: the same check as a scan, without
     * logging a scan. The caller has already decided the batch may be seen.
     */
    public Integrity integrityOf(Batch batch) {
        return verifier.verifyStored(batch).integrity();
    }

    /**
     * The 承诺达标合格证 of a code's batch, by the same rule as the link on its page: not for a disabled label, a
     * recalled batch (refused by the certificate's own checks) or a record that does not verify.
     *
     * @throws CertificateRefusedException (422) otherwise
     */
    public LabelService.Document certificate(String code) {
        IssuedCode issued = codes.scanned(code);
        if (issued.isDisabled()) {
            throw CertificateRefusedException.codeDisabled(issued.getCode());
        }
        Batch batch = batches.batch(issued.getOrganizationId(), issued.getBatchId());
        if (!verifier.verifyStored(batch).integrity().intact()) {
            throw CertificateRefusedException.recordTampered(batch.getBatchNumber());
        }
        return labels.publicCertificate(issued.getCode());
    }

    /** A photo of a code's batch, as its page shows it. */
    public record Photo(byte[] content, String contentType) {}

    /**
     * A photo attached to the batch of a code: only images, only of that batch.
     *
     * @throws NotFoundException otherwise
     */
    @Transactional(readOnly = true)
    public Photo photo(String code, long attachmentId) {
        IssuedCode issued = codes.scanned(code);
        return attachments
                .findByIdAndBatchId(attachmentId, issued.getBatchId())
                .filter(attachment -> attachment.getContentType() != null
                        && attachment.getContentType().startsWith("image/"))
                .map(attachment -> new Photo(attachment.getContent(), attachment.getContentType()))
                .orElseThrow(() -> NotFoundException.attachment(attachmentId));
    }

    /**
     * Everything a scan reads, in one read-only transaction.
     *
     * @param product what the goods are, {@code plot} where and {@code producer} by whom they were grown: for goods
     *     received from another organization, the origin's, not the holder's
     * @param holder the organization whose code was scanned (the producer itself, or a trader, market, supermarket)
     */
    private record Scanned(
            IssuedCode code,
            Batch batch,
            Product product,
            Plot plot,
            Organization producer,
            Organization holder,
            BatchVerifier.Stored stored) {}

    /** @param scanned a well-formed trace code */
    private Scanned read(String scanned) {
        ScannedCode read = records.codeAndBatch(scanned).orElseThrow(() -> UnknownCodeException.forCode(scanned));
        IssuedCode code = read.code();
        Batch batch = read.batch();
        Long organizationId = code.getOrganizationId();
        OrganizationService.Origin origin = origins.of(batch);
        Organization holder = origin.producer().getId().equals(organizationId)
                ? origin.producer()
                : origins.organization(organizationId);
        return new Scanned(
                code, batch, origin.product(), origin.plot(), origin.producer(), holder, records.stored(read));
    }

    /** Verifies what was read (outside the transaction: see {@link BatchVerifier#verify(Batch, BatchVerifier.Stored)}). */
    private Trace scanned(Scanned scanned, String clientAddress, Locale locale) {
        IssuedCode code = scanned.code();
        Batch batch = scanned.batch();
        Product product = scanned.product();
        Plot plot = scanned.plot();
        Organization producer = scanned.producer();
        Organization holder = scanned.holder();
        BatchVerifier.Checked checked = verifier.verify(batch, scanned.stored());
        ScanLog.Logged logged = scanLog.log(code, clientAddress);
        List<ArchiveEntry> history = readable(checked.events());
        Integrity integrity = checked.integrity();

        Trace.Recall recall = batch.getStatus() == BatchStatus.RECALLED ? recallOf(history) : null;
        Trace.Disabled disabled =
                code.isDisabled() ? new Trace.Disabled(code.getDisabledReason(), code.getDisabledAt()) : null;
        Trace.Status status = verdict(disabled, recall, integrity, logged.suspicious());

        LabelService.CertificateSummary certificate = disabled == null && recall == null && integrity.intact()
                ? labels.certificateSummary(code, batch, product, plot, holder, history)
                        .orElse(null)
                : null;
        return new Trace(
                code.getCode(),
                code.getKind() == CodeKind.ITEM ? code.getItemNumber() : null,
                status,
                new Trace.Verification(
                        anchoredOf(integrity),
                        integrity.pendingSince(),
                        integrity.findings(),
                        recall,
                        logged.suspicious(),
                        disabled,
                        integrity.ledgerUnavailable()),
                new Trace.Product(
                        product.getName(),
                        product.getVariety(),
                        message("category." + product.getCategory().name(), locale),
                        product.getGtin()),
                batch.getBatchNumber(),
                person(producer, locale),
                holder.getId().equals(producer.getId()) ? null : person(holder, locale),
                new Trace.Place(plot.getName(), regions.fullName(plot.getRegionCode())),
                timeline.of(history, integrity.findings(), locale),
                certificate != null ? "/t/" + code.getCode() + "/certificate.pdf" : null,
                certificate,
                photos(code.getCode(), checked.attachments()),
                rapidTestFailures(history, locale),
                logged.scans());
    }

    private List<Trace.RapidTestFailure> rapidTestFailures(List<ArchiveEntry> history, Locale locale) {
        return ArchiveEntry.effective(history).stream()
                .filter(entry -> entry.details() instanceof EventDetails.RapidTest test && test.failed())
                .sorted(java.util.Comparator.comparingInt(ArchiveEntry::sequenceNumber)
                        .reversed())
                .map(entry -> {
                    EventDetails.RapidTest test = entry.detailsAs(EventDetails.RapidTest.class);
                    String unit = test.unit() == null ? "" : test.unit();
                    return new Trace.RapidTestFailure(
                            entry.occurredOn(),
                            test.station(),
                            test.item(),
                            test.method(),
                            message("trace.rapidTest.reading", locale, test.value() + unit, test.limit() + unit),
                            entry.sequenceNumber());
                })
                .toList();
    }

    private Trace.Producer person(Organization organization, Locale locale) {
        return new Trace.Producer(
                organization.getName(),
                message("organization.type." + organization.getType().name(), locale),
                regions.fullName(organization.getRegionCode()),
                maskPhone(organization.getContactPhone()));
    }

    /** The most serious verdict that applies (see {@link Trace.Status}). */
    private static Trace.Status verdict(
            Trace.Disabled disabled, Trace.Recall recall, Integrity integrity, Trace.Suspicious suspicious) {
        if (disabled != null) {
            return Trace.Status.DISABLED;
        }
        if (recall != null) {
            return Trace.Status.RECALLED;
        }
        if (!integrity.intact()) {
            return Trace.Status.TAMPERED;
        }
        if (suspicious != null) {
            return Trace.Status.SUSPICIOUS;
        }
        return integrity.verified() ? Trace.Status.VERIFIED : Trace.Status.PENDING;
    }

    private Trace.Anchored anchoredOf(Integrity integrity) {
        EventAnchoring.Anchored latest = integrity.latestAnchored();
        if (latest == null || integrity.onLedger() == null) {
            return null;
        }
        AnchorReceipt receipt = integrity.onLedger();
        return new Trace.Anchored(
                anchoring.ledgerKind(),
                receipt.root().hex(),
                receipt.transactionId(),
                receipt.blockNumber(),
                receipt.anchoredAt(),
                integrity.anchoredEvents());
    }

    /** The events that still read as archive entries: a tampered one that no longer parses is left out. */
    private List<ArchiveEntry> readable(List<BatchEvent> events) {
        List<ArchiveEntry> entries = new ArrayList<>(events.size());
        for (BatchEvent event : events) {
            try {
                entries.add(batches.entryOfStored(event));
            } catch (IllegalArgumentException unreadable) {
                // Reported as TAMPERED by the chain check.
            }
        }
        return entries;
    }

    private static Trace.Recall recallOf(List<ArchiveEntry> history) {
        Optional<ArchiveEntry> recall = history.stream()
                .filter(entry -> entry.details() instanceof EventDetails.Recall)
                .reduce((first, second) -> second);
        return recall.map(entry -> {
                    EventDetails.Recall details = entry.detailsAs(EventDetails.Recall.class);
                    return new Trace.Recall(details.reason(), details.instructions(), entry.occurredOn());
                })
                .orElse(new Trace.Recall(null, null, null));
    }

    private static List<Trace.Photo> photos(String code, List<Attachment> attachments) {
        return attachments.stream()
                .filter(attachment -> attachment.getContentType() != null
                        && attachment.getContentType().startsWith("image/"))
                .map(attachment ->
                        new Trace.Photo("/t/" + code + "/photos/" + attachment.getId(), attachment.getFilename()))
                .toList();
    }

    /** 13812345678 → 138****5678: enough to recognise, not enough to call from a photo of the page. */
    static String maskPhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String digits = phone.strip();
        if (digits.length() <= 7) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
    }

    private String message(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }
}
