package org.suyuan.code;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.suyuan.account.CurrentUser;
import org.suyuan.archive.BatchService;
import org.suyuan.archive.OrganizationService;
import org.suyuan.archive.RefusalLog;
import org.suyuan.db.archive.Batch;
import org.suyuan.db.archive.Product;
import org.suyuan.db.code.BatchReference;
import org.suyuan.db.code.CodeKind;
import org.suyuan.db.code.CodeStatus;
import org.suyuan.db.code.IssuedCode;
import org.suyuan.db.code.IssuedCodeRepository;
import org.suyuan.problem.NotFoundException;
import org.suyuan.qr.DigitalLink;
import org.suyuan.qr.Gtin;
import org.suyuan.qr.LabelSheet;
import org.suyuan.qr.TraceCode;
import org.suyuan.qr.TraceCodeGenerator;

/**
 * Issues, looks up and disables codes: every batch's trace code and its per-item serials.
 *
 * <p>Issuing takes the batch's row lock (the one appending an event takes), so serials of one batch are
 * numbered without gaps and capped exactly by the harvest, also with several application instances. Codes are
 * unique by primary key, across organizations; none is ever deleted or reused.
 */
@Service
public class CodeService {

    /** Most serials one request may issue: as many as one label document holds. */
    public static final int MAX_SERIALS_PER_REQUEST = LabelSheet.MAX_LABELS;

    private final IssuedCodeRepository codes;
    private final BatchService batches;
    private final OrganizationService registry;
    private final CodeMint mint;
    private final Clock clock;
    private final RefusalLog refusals;
    private final TransactionTemplate transactions;

    CodeService(
            IssuedCodeRepository codes,
            BatchService batches,
            OrganizationService registry,
            TraceCodeGenerator generator,
            Clock clock,
            RefusalLog refusals,
            PlatformTransactionManager transactionManager) {
        this.codes = codes;
        this.batches = batches;
        this.registry = registry;
        this.mint = new CodeMint(generator);
        this.clock = clock;
        this.refusals = refusals;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Serials just issued, and where the batch stands against its cap. */
    public record SerialsIssued(List<IssuedCode> codes, long serialsIssued, long serialCap) {}

    /**
     * Issues the trace code of a batch that is being opened, in the transaction that opens it: a batch never
     * exists without its code. The new batch row is this transaction's own, so no lock is needed.
     */
    @Transactional
    public IssuedCode issueBatchCodeOnOpening(Long organizationId, Long batchId) {
        return codes.save(IssuedCode.forBatch(
                mint.mintOne(codes::findTaken).value(), organizationId, batchId, clock.instant(), null));
    }

    /**
     * The batch's trace code, issued now if the batch has none yet (batches opened before codes existed).
     *
     * @param issuedBy who asked, recorded if the code is issued now; null for the public resolver
     */
    @Transactional
    public IssuedCode batchCode(Long organizationId, Long batchId, String issuedBy) {
        codes.lockBatch(batchId, organizationId).orElseThrow(() -> NotFoundException.batch(batchId));
        return codes.lockBatchCode(batchId)
                .orElseGet(() -> codes.save(IssuedCode.forBatch(
                        mint.mintOne(codes::findTaken).value(), organizationId, batchId, clock.instant(), issuedBy)));
    }

    /**
     * Where the producer's batch stands with codes, as its page shows it: the trace code (issued now if the batch
     * has none), how many serials were issued, and how many its harvest allows.
     *
     * @param harvested the harvest as people write it (e.g. {@code 3200千克}), empty before any harvest
     */
    public record BatchCodes(
            String batchCode, boolean batchCodeDisabled, int serialsIssued, long serialCap, String harvested) {}

    @Transactional
    public BatchCodes status(CurrentUser user, Long batchId) {
        Long organizationId = user.requireOrganization();
        IssuedCode batchCode = batchCode(organizationId, batchId, user.username());
        Batch batch = batches.batch(organizationId, batchId);
        Product product = registry.productOf(batch);
        SerialAllowance allowance =
                SerialAllowance.of(batches.history(organizationId, batchId), OrganizationService.itemSizeOf(product));
        return new BatchCodes(
                batchCode.getCode(),
                batchCode.isDisabled(),
                codes.lastItemNumber(batchId),
                allowance.cap(),
                allowance.harvested());
    }

    /**
     * Issues {@code count} per-item serials for the producer's batch, numbered after those already issued.
     *
     * <p>A refusal is stored for inspectors once the transaction holding the batch's lock has ended (see {@link
     * RefusalLog}).
     *
     * @throws SerialsExceedHarvestException if the batch would then have more serials than its harvest allows
     */
    public SerialsIssued issueSerials(CurrentUser user, Long batchId, int count) {
        Long organizationId = user.requireOrganization();
        if (count < 1 || count > MAX_SERIALS_PER_REQUEST) {
            throw new IllegalArgumentException("count must be 1 to " + MAX_SERIALS_PER_REQUEST + ": " + count);
        }
        return refusals.writeAfter(
                () -> transactions.execute(status -> issueSerialsLocked(user, organizationId, batchId, count)));
    }

    private SerialsIssued issueSerialsLocked(CurrentUser user, Long organizationId, Long batchId, int count) {
        // The lock first: every read below must see what the previous holder committed.
        codes.lockBatch(batchId, organizationId).orElseThrow(() -> NotFoundException.batch(batchId));
        Batch batch = batches.batch(organizationId, batchId);
        if (!batch.getStatus().mayBeLabelled()) {
            CodeConflictException refused = CodeConflictException.batchRecalled(batch.getBatchNumber());
            // Inspectors see attempts to label recalled goods: the start of selling them again.
            refusals.recordOther(
                    organizationId,
                    batchId,
                    user.username(),
                    refused.slug(),
                    refused.detail(),
                    "{\"count\":" + count + "}");
            throw refused;
        }
        Product product = registry.productOf(batch);
        SerialAllowance allowance =
                SerialAllowance.of(batches.history(organizationId, batchId), OrganizationService.itemSizeOf(product));
        int issued = codes.lastItemNumber(batchId);
        if (issued + (long) count > allowance.cap()) {
            SerialsExceedHarvestException refused = SerialsExceedHarvestException.of(allowance, issued, count);
            // Inspectors see attempts to label more items than were harvested: a sign of relabelled goods.
            refusals.recordOther(
                    organizationId,
                    batchId,
                    user.username(),
                    refused.slug(),
                    refused.detail(),
                    "{\"count\":" + count + "}");
            throw refused;
        }
        List<TraceCode> minted = mint.mint(count, codes::findTaken);
        List<IssuedCode> serials = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            serials.add(IssuedCode.forItem(
                    minted.get(i).value(), organizationId, batchId, issued + i + 1, clock.instant(), user.username()));
        }
        codes.insertAll(serials);
        return new SerialsIssued(serials, issued + count, allowance.cap());
    }

    /**
     * The trace code a scanned text names, as codes are stored, for a reader that looks it up itself (the consumer
     * scan reads the code together with its batch).
     *
     * @throws InvalidCodeRequestException (400) for a malformed code or a wrong check character
     */
    public static String scannedCode(String code) {
        return QrParameters.traceCode(code).value();
    }

    /**
     * A scanned code, for the consumer page: what {@code /t/{code}} names.
     *
     * @throws InvalidCodeRequestException (400) if the text is not a well-formed code: a typo the reader can fix
     * @throws UnknownCodeException (404) if Suyuan never issued it
     */
    @Transactional(readOnly = true)
    public IssuedCode scanned(String code) {
        TraceCode parsed = QrParameters.traceCode(code);
        return codes.findById(parsed.value()).orElseThrow(() -> UnknownCodeException.forCode(parsed.value()));
    }

    /**
     * The code a scanned GS1 Digital Link path names (see {@link #resolve(DigitalLink)}).
     *
     * @param path the request path as it arrived, still percent-encoded
     */
    @Transactional
    public IssuedCode scannedDigitalLink(String path) {
        return resolve(QrParameters.digitalLink(path)).code();
    }

    /** A code and what it stands for, for anyone: codes are public, what they lead to is what labels show. */
    @Transactional(readOnly = true)
    CodeView view(TraceCode code) {
        return view(codes.findById(code.value()).orElseThrow(() -> UnknownCodeException.forCode(code.value())));
    }

    /**
     * The code a GS1 Digital Link names: the serial, if it belongs to a batch with that number of a product with
     * that GTIN; for a batch-level link, the batch's trace code (issued now if the batch has none).
     */
    @Transactional
    CodeView resolve(DigitalLink link) {
        if (link.hasSerial()) {
            IssuedCode serial = parse(link.serial())
                    .flatMap(code -> codes.findById(code.value()))
                    .filter(code -> code.getKind() == CodeKind.ITEM)
                    .orElseThrow(() -> UnknownCodeException.forDigitalLink(link.path()));
            CodeView view = view(serial);
            if (!matches(view, link)) {
                throw UnknownCodeException.forDigitalLink(link.path());
            }
            return view;
        }
        List<BatchReference> named =
                codes.findBatchesByGtinAndBatchNumber(link.gtin().value(), link.lot());
        if (named.isEmpty()) {
            throw UnknownCodeException.forDigitalLink(link.path());
        }
        if (named.size() > 1) {
            throw CodeConflictException.ambiguousDigitalLink(link.path());
        }
        BatchReference batch = named.get(0);
        return view(batchCode(batch.organizationId(), batch.batchId(), null));
    }

    /** The batch's trace code with what it stands for, issued now if the batch has none. */
    @Transactional
    CodeView batchCodeView(CurrentUser user, Long batchId) {
        return view(batchCode(user.requireOrganization(), batchId, user.username()));
    }

    /**
     * Takes a code out of use for good (lost or stolen labels); only its producer may.
     *
     * @throws CodeConflictException if it is already disabled
     */
    @Transactional
    CodeView disable(CurrentUser user, TraceCode code, String reason) {
        Long organizationId = user.requireOrganization();
        IssuedCode issued = codes.findById(code.value()).orElseThrow(() -> UnknownCodeException.forCode(code.value()));
        if (!issued.getOrganizationId().equals(organizationId)) {
            throw new AccessDeniedException("只有发放此码的生产经营主体可以停用它。");
        }
        if (issued.isDisabled()) {
            throw CodeConflictException.alreadyDisabled(code.value());
        }
        issued.disable(reason, user.username(), clock.instant());
        return view(issued);
    }

    /** All codes of the producer's batch, the trace code (item 0) first, then serials in issue order. */
    @Transactional
    Page<IssuedCode> codes(CurrentUser user, Long batchId, Pageable pageable) {
        batchCode(user.requireOrganization(), batchId, user.username());
        return codes.findAllByBatchId(batchId, pageable);
    }

    /** The highest serial number of the producer's batch: how many serials it has, disabled ones included. */
    @Transactional(readOnly = true)
    int lastSerialNumber(CurrentUser user, Long batchId) {
        batches.batch(user.requireOrganization(), batchId);
        return codes.lastItemNumber(batchId);
    }

    /** The active serials of the producer's batch with item numbers {@code from} to {@code to}, in order. */
    @Transactional(readOnly = true)
    List<CodeView> activeSerials(CurrentUser user, Long batchId, int from, int to) {
        Batch batch = batches.batch(user.requireOrganization(), batchId);
        List<IssuedCode> serials = codes.findAllByBatchIdAndKindAndStatusAndItemNumberBetweenOrderByItemNumber(
                batchId, CodeKind.ITEM, CodeStatus.ACTIVE, from, to);
        if (serials.isEmpty()) {
            return List.of();
        }
        CodeView first = view(serials.get(0));
        return serials.stream()
                .map(serial -> new CodeView(
                        serial, batch, first.product(), first.plot(), first.organization(), first.producer()))
                .toList();
    }

    CodeView view(IssuedCode code) {
        Long organizationId = code.getOrganizationId();
        Batch batch = batches.batch(organizationId, code.getBatchId());
        OrganizationService.Origin origin = registry.originOf(batch);
        return new CodeView(
                code, batch, origin.product(), origin.plot(), registry.organization(organizationId), origin.producer());
    }

    private static boolean matches(CodeView view, DigitalLink link) {
        String gtin = view.product().getGtin();
        return gtin != null
                && Gtin.parse(gtin).equals(link.gtin())
                && view.batch().getBatchNumber().equals(link.lot());
    }

    private static java.util.Optional<TraceCode> parse(String text) {
        try {
            return java.util.Optional.of(TraceCode.parse(text));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
