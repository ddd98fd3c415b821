package org.suyuan.code;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.suyuan.SuyuanProperties;
import org.suyuan.account.CurrentUser;
import org.suyuan.archive.ArchiveEntry;
import org.suyuan.archive.BatchService;
import org.suyuan.archive.EventDetails;
import org.suyuan.archive.Regions;
import org.suyuan.archive.RuleViolationException;
import org.suyuan.db.archive.Batch;
import org.suyuan.db.archive.EventType;
import org.suyuan.db.archive.Organization;
import org.suyuan.db.archive.Plot;
import org.suyuan.db.archive.Product;
import org.suyuan.db.code.IssuedCode;
import org.suyuan.qr.Certificate;
import org.suyuan.qr.CertificateBasis;
import org.suyuan.qr.CertificateFormat;
import org.suyuan.qr.CertificatePdf;
import org.suyuan.qr.ErrorCorrection;
import org.suyuan.qr.ImageSizeOutOfRangeException;
import org.suyuan.qr.InvalidLabelLayoutException;
import org.suyuan.qr.Label;
import org.suyuan.qr.LabelLayout;
import org.suyuan.qr.LabelSheet;
import org.suyuan.qr.QrCode;
import org.suyuan.qr.QrPng;
import org.suyuan.qr.QrSvg;

/**
 * Prints codes: QR images of one code, label sheets of a batch, and the batch's 承诺达标合格证. Reads happen in
 * short transactions; rendering runs outside them, so a thousand-label PDF holds no database connection.
 */
@Service
public class LabelService {

    private final CodeService codes;
    private final BatchService batches;
    private final TraceLinks links;
    private final Regions regions;
    private final SuyuanProperties properties;
    private final Clock clock;

    LabelService(
            CodeService codes,
            BatchService batches,
            TraceLinks links,
            Regions regions,
            SuyuanProperties properties,
            Clock clock) {
        this.codes = codes;
        this.batches = batches;
        this.links = links;
        this.regions = regions;
        this.properties = properties;
        this.clock = clock;
    }

    /** What to put on a batch's label sheet. */
    record LabelRequest(
            LabelLayout layout,
            boolean serials,
            Integer copies,
            Integer from,
            Integer to,
            ErrorCorrection errorCorrection,
            LinkKind link) {}

    /** A rendered document and the name to save it under. */
    public record Document(byte[] content, String filename) {}

    /**
     * The producer's label sheet as the portal pages offer it: the batch's trace code (one page) or all its active
     * serials, each QR carrying {@code /t/{code}} at the default error correction.
     */
    public Document labelSheet(CurrentUser user, Long batchId, LabelLayout layout, boolean serials) {
        return labels(
                user,
                batchId,
                new LabelRequest(layout, serials, null, null, null, ErrorCorrection.DEFAULT, LinkKind.TRACE));
    }

    /** The batch's 承诺达标合格证 with the default basis, as the portal pages offer it. */
    public Document certificate(CurrentUser user, Long batchId, CertificateFormat format) {
        return certificate(
                user, batchId, format, java.util.EnumSet.noneOf(CertificateBasis.class), ErrorCorrection.DEFAULT);
    }

    QrCode qrCode(CodeView view, LinkKind link, ErrorCorrection errorCorrection) {
        return QrCode.encode(links.printed(view, link).content(), errorCorrection);
    }

    byte[] png(QrCode code, int size) {
        try {
            return QrPng.render(code, size);
        } catch (ImageSizeOutOfRangeException e) {
            throw InvalidCodeRequestException.imageSize(
                    size, Math.max(QrPng.MIN_SIZE_PIXELS, code.modulesWithQuietZone()), QrPng.MAX_SIZE_PIXELS);
        }
    }

    String svg(QrCode code) {
        return QrSvg.render(code);
    }

    /**
     * The batch's labels: its trace code ({@code copies} times, one page by default) or its active serials with
     * item numbers {@code from} to {@code to} (all, by default), as one PDF.
     */
    Document labels(CurrentUser user, Long batchId, LabelRequest request) {
        Batch batch = batches.batch(user.requireOrganization(), batchId);
        if (!batch.getStatus().mayBeLabelled()) {
            throw CodeConflictException.batchRecalled(batch.getBatchNumber());
        }
        List<CodeView> codesToPrint;
        if (request.serials()) {
            codesToPrint = serials(user, batchId, request.from(), request.to());
        } else {
            CodeView batchCode = codes.batchCodeView(user, batchId);
            if (batchCode.code().isDisabled()) {
                throw CodeConflictException.disabledBatchCode(batchCode.code().getCode());
            }
            int copies = request.copies() == null
                    ? request.layout().labelsPerPage()
                    : checkedCount("copies", request.copies(), LabelSheet.MAX_LABELS);
            codesToPrint = java.util.Collections.nCopies(copies, batchCode);
        }
        CodeView first = codesToPrint.get(0);
        LocalDate date = labelDate(user.requireOrganization(), batchId, first);
        String productName = fit(productName(first), 200);
        String producer = fit(first.organization().getName(), 200);
        List<Label> labels = new ArrayList<>(codesToPrint.size());
        for (CodeView view : codesToPrint) {
            labels.add(new Label(
                    links.printed(view, request.link()),
                    productName,
                    view.batch().getBatchNumber(),
                    producer,
                    date));
        }
        byte[] pdf;
        try {
            pdf = LabelSheet.render(labels, request.layout(), request.errorCorrection());
        } catch (InvalidLabelLayoutException e) {
            throw InvalidCodeRequestException.codeTooLargeForLayout(
                    request.layout().name());
        }
        String what = request.serials() ? "serials" : "batch";
        return new Document(
                pdf,
                first.batch().getBatchNumber() + "-" + what + "-labels-"
                        + request.layout().name() + ".pdf");
    }

    /**
     * The batch's 承诺达标合格证, refused when its promise would be false: a recalled batch, an archive that
     * breaks a rule, nothing harvested, a failed latest inspection, or a test basis without a passing test.
     *
     * @param requestedBasis the bases the producer claims; empty for the default (自行检测合格 when a passing
     *     inspection is recorded, else 质量安全控制符合要求)
     */
    Document certificate(
            CurrentUser user,
            Long batchId,
            CertificateFormat format,
            Set<CertificateBasis> requestedBasis,
            ErrorCorrection errorCorrection) {
        Long organizationId = user.requireOrganization();
        return certificate(organizationId, codes.batchCodeView(user, batchId), format, requestedBasis, errorCorrection);
    }

    /**
     * The 承诺达标合格证 of the batch a scanned code belongs to, for anyone holding the code: the consumer page
     * links it. Refused exactly as the producer's own request would be.
     */
    public Document publicCertificate(String code) {
        CodeView scanned = codes.view(QrParameters.traceCode(code));
        Long organizationId = scanned.code().getOrganizationId();
        CodeView batchCode =
                codes.view(codes.batchCode(organizationId, scanned.batch().getId(), null));
        return certificate(
                organizationId,
                batchCode,
                CertificateFormat.A5,
                EnumSet.noneOf(CertificateBasis.class),
                ErrorCorrection.DEFAULT);
    }

    /**
     * The 承诺达标合格证 as a consumer page shows it, in words (WeChat on Android cannot open a PDF).
     *
     * @param quantity the harvested quantity as the certificate states it
     * @param basis the bases of the commitment, in the words of the certificate
     */
    public record CertificateSummary(
            String productName,
            String quantity,
            String origin,
            String producer,
            List<String> basis,
            String commitment) {}

    /**
     * The certificate of a scanned code's batch as its page shows it, when the archive allows one now (by the same
     * checks as issuing one); empty otherwise. Works on what the scan has already read.
     *
     * @param history the batch's whole archive in recording order
     */
    public Optional<CertificateSummary> certificateSummary(
            IssuedCode code,
            Batch batch,
            Product product,
            Plot plot,
            Organization producer,
            List<ArchiveEntry> history) {
        CodeView view = new CodeView(code, batch, product, plot, producer);
        try {
            AllowedCertificate allowed = allowedBasis(view, history, EnumSet.noneOf(CertificateBasis.class));
            return Optional.of(new CertificateSummary(
                    productName(view),
                    Harvests.describe(allowed.harvested()),
                    regions.fullName(plot.getRegionCode()),
                    producer.getName(),
                    allowed.basis().stream().map(CertificateBasis::text).toList(),
                    Certificate.COMMITMENT));
        } catch (CertificateRefusedException | CodeConflictException refused) {
            return Optional.empty();
        }
    }

    private Document certificate(
            Long organizationId,
            CodeView view,
            CertificateFormat format,
            Set<CertificateBasis> requestedBasis,
            ErrorCorrection errorCorrection) {
        String batchNumber = view.batch().getBatchNumber();
        AllowedCertificate allowed =
                allowedBasis(view, batches.history(organizationId, view.batch().getId()), requestedBasis);
        List<Harvests.Total> harvested = allowed.harvested();
        Set<CertificateBasis> basis = allowed.basis();
        Certificate certificate = new Certificate(
                links.printed(view, LinkKind.TRACE),
                fit(productName(view), 50),
                fit(Harvests.describe(harvested), 30),
                fit(regions.fullName(view.plot().getRegionCode()), 100),
                LocalDate.now(clock.withZone(properties.timeZone())),
                fit(view.organization().getName(), 100),
                fit(view.organization().getContactPhone(), 50),
                basis);
        byte[] pdf;
        try {
            pdf = CertificatePdf.render(certificate, format, errorCorrection);
        } catch (InvalidLabelLayoutException e) {
            throw InvalidCodeRequestException.codeTooLargeForLayout(
                    format.name().toLowerCase(Locale.ROOT));
        }
        return new Document(pdf, batchNumber + "-certificate-" + format.name().toLowerCase(Locale.ROOT) + ".pdf");
    }

    private record AllowedCertificate(List<Harvests.Total> harvested, Set<CertificateBasis> basis) {}

    /**
     * The checks before a certificate: not recalled, no rule broken, something harvested, no failed latest test
     * (the producer's own, or a station's rapid test),
     * a basis the archive supports, an active trace code.
     */
    private AllowedCertificate allowedBasis(
            CodeView view, List<ArchiveEntry> history, Set<CertificateBasis> requestedBasis) {
        String batchNumber = view.batch().getBatchNumber();
        if (!view.batch().getStatus().mayBeLabelled()) {
            throw CertificateRefusedException.recalled(batchNumber);
        }
        List<RuleViolationException> violations = batches.violationsIn(view.product(), history);
        if (!violations.isEmpty()) {
            throw CertificateRefusedException.ruleViolations(violations);
        }
        List<Harvests.Total> harvested = Harvests.totals(history);
        if (harvested.isEmpty()) {
            throw CertificateRefusedException.nothingHarvested(batchNumber);
        }
        Optional<ArchiveEntry> latestInspection = ArchiveEntry.effective(history).stream()
                .filter(entry -> entry.details() instanceof EventDetails.Inspection)
                .max(Comparator.comparing(ArchiveEntry::occurredOn).thenComparing(ArchiveEntry::sequenceNumber));
        boolean passed = latestInspection
                .map(entry ->
                        entry.detailsAs(EventDetails.Inspection.class).result() == EventDetails.InspectionResult.PASS)
                .orElse(false);
        if (latestInspection.isPresent() && !passed) {
            throw CertificateRefusedException.failedInspection(
                    batchNumber, latestInspection.get().occurredOn().toString());
        }
        // A station's failed rapid test is the bureau's finding, not the producer's: no own test outweighs it, only
        // a later rapid test of a station that passes.
        Optional<ArchiveEntry> latestRapidTest = ArchiveEntry.effective(history).stream()
                .filter(entry -> entry.details() instanceof EventDetails.RapidTest)
                .max(Comparator.comparing(ArchiveEntry::occurredOn).thenComparing(ArchiveEntry::sequenceNumber));
        if (latestRapidTest.isPresent()
                && latestRapidTest.get().detailsAs(EventDetails.RapidTest.class).failed()) {
            throw CertificateRefusedException.failedRapidTest(
                    batchNumber, latestRapidTest.get().occurredOn().toString());
        }
        Set<CertificateBasis> basis = requestedBasis.isEmpty()
                ? EnumSet.of(passed ? CertificateBasis.SELF_TESTED : CertificateBasis.QUALITY_CONTROL)
                : requestedBasis;
        for (CertificateBasis claimed : basis) {
            if (claimed != CertificateBasis.QUALITY_CONTROL && !passed) {
                throw CertificateRefusedException.basisWithoutInspection(claimed.text());
            }
        }
        if (view.code().isDisabled()) {
            throw CodeConflictException.disabledBatchCode(view.code().getCode());
        }
        return new AllowedCertificate(harvested, basis);
    }

    private List<CodeView> serials(CurrentUser user, Long batchId, Integer fromParameter, Integer toParameter) {
        int from = fromParameter == null ? 1 : checkedCount("from", fromParameter, Integer.MAX_VALUE);
        int to = toParameter == null ? Integer.MAX_VALUE : checkedCount("to", toParameter, Integer.MAX_VALUE);
        int last = Math.min(to, codes.lastSerialNumber(user, batchId));
        if (last >= from && (long) last - from + 1 > LabelSheet.MAX_LABELS) {
            throw InvalidCodeRequestException.tooManySerialLabels((long) last - from + 1, LabelSheet.MAX_LABELS);
        }
        List<CodeView> serials = last < from ? List.of() : codes.activeSerials(user, batchId, from, last);
        if (serials.isEmpty()) {
            throw InvalidCodeRequestException.noSerialsToPrint();
        }
        return serials;
    }

    /** The date a label shows: the last packing, else the last harvest, else the day the batch started. */
    private LocalDate labelDate(Long organizationId, Long batchId, CodeView view) {
        List<ArchiveEntry> effective = ArchiveEntry.effective(batches.history(organizationId, batchId));
        return lastOf(effective, EventType.PACKING)
                .or(() -> lastOf(effective, EventType.HARVEST))
                .orElse(view.batch().getStartedOn());
    }

    private static Optional<LocalDate> lastOf(List<ArchiveEntry> entries, EventType type) {
        return entries.stream()
                .filter(entry -> entry.type() == type)
                .map(ArchiveEntry::occurredOn)
                .max(Comparator.naturalOrder());
    }

    private static String productName(CodeView view) {
        return view.product().getName() + "（" + view.product().getVariety() + "）";
    }

    private static int checkedCount(String parameter, int value, int max) {
        if (value < 1 || value > max) {
            throw InvalidCodeRequestException.labelCount(parameter, value, max);
        }
        return value;
    }

    /** Cuts text to what a printed field holds; the PDF would cut it on the page anyway, this keeps it valid. */
    private static String fit(String text, int max) {
        String stripped = text == null ? "" : text.strip();
        return stripped.length() <= max ? stripped : stripped.substring(0, max - 1) + "…";
    }
}
