package org.suyuan.qr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Prints a 承诺达标合格证 as a one-page PDF, on A5 or on a 70 × 50 mm label.
 *
 * <p>Both carry what 农业农村部令2025年第4号 asks: the title 承诺达标合格证 in large type at the top;
 * 产品名称, 数量（重量）, 产地, 开具日期, 承诺主体 and 联系方式; the promise
 * ({@link Certificate#COMMITMENT}); all three bases with the chosen ones ticked, so a reader sees
 * what was not claimed too; and the QR code of the batch's trace record with its human-readable code.
 * Long values wrap on A5 and are cut with an ellipsis on the label. Stateless and thread-safe.
 */
public final class CertificatePdf {

    private static final float MM = 72f / 25.4f;
    private static final String[] CAPTIONS = {"产品名称", "数量（重量）", "产地", "开具日期", "承诺主体", "联系方式"};
    private static final String SCAN_HINT = "扫码查看追溯信息";
    /** Lines each value may wrap to on A5: long names and addresses get two, short items one. */
    private static final int[] A5_VALUE_LINES = {2, 1, 2, 1, 2, 1};

    private CertificatePdf() {}

    /** The certificate at the default error correction, {@link ErrorCorrection#M}. */
    public static byte[] render(Certificate certificate, CertificateFormat format) {
        return render(certificate, format, ErrorCorrection.DEFAULT);
    }

    /**
     * The certificate as PDF bytes.
     *
     * @throws InvalidLabelLayoutException if the code is too large for the format at a scannable size
     */
    public static byte[] render(Certificate certificate, CertificateFormat format, ErrorCorrection errorCorrection) {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(format, "format");
        QrCode code = QrCode.encode(certificate.code().content(), errorCorrection);
        try (PDDocument document = new PDDocument();
                CjkFont font = CjkFont.embedIn(document)) {
            document.getDocumentInformation().setTitle(Certificate.TITLE + " " + certificate.productName());
            document.getDocumentInformation().setCreator("Suyuan");
            switch (format) {
                case A5 -> drawA5(document, font, certificate, code);
                case LABEL_70X50 -> drawLabel(document, font, certificate, code);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (PdfCanvas.PdfWriteException e) {
            throw new UncheckedIOException("Writing a certificate PDF to memory failed", e.getCause());
        } catch (IOException e) {
            throw new UncheckedIOException("Writing a certificate PDF to memory failed", e);
        }
    }

    private static String[] values(Certificate certificate) {
        return new String[] {
            certificate.productName(),
            certificate.quantity(),
            certificate.origin(),
            certificate.issuedOn().toString(),
            certificate.issuer(),
            certificate.contact()
        };
    }

    /** A5 portrait: title, the six items, promise, then bases beside the QR code at the bottom. */
    private static void drawA5(PDDocument document, CjkFont font, Certificate certificate, QrCode code)
            throws IOException {
        PDRectangle a5 = PDRectangle.A5;
        PDPage page = new PDPage(a5);
        document.addPage(page);
        float width = a5.getWidth();
        float height = a5.getHeight();
        float left = 16 * MM;
        float right = width - 16 * MM;
        float moduleSize = Math.min(0.8f * MM, 36 * MM / code.modulesWithQuietZone());
        if (moduleSize < 0.4f * MM) {
            throw InvalidLabelLayoutException.codeTooLarge(code, "certificate-a5");
        }
        try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
            PdfCanvas canvas = new PdfCanvas(stream, font);
            canvas.frame(8 * MM, 8 * MM, width - 16 * MM, height - 16 * MM, 1.2f);
            canvas.frame(9.2f * MM, 9.2f * MM, width - 18.4f * MM, height - 18.4f * MM, 0.4f);

            canvas.centredLine(Certificate.TITLE, 24, width / 2, height - 28 * MM, right - left, true);
            canvas.horizontalRule(left, right, height - 33 * MM, 0.8f);

            float size = 11;
            float lineAdvance = size * 1.45f;
            float captionWidth = 0;
            for (String caption : CAPTIONS) {
                captionWidth = Math.max(captionWidth, canvas.width(caption + "：", size));
            }
            float valueLeft = left + captionWidth + 2 * MM;
            float cursor = height - 43 * MM;
            String[] values = values(certificate);
            for (int i = 0; i < CAPTIONS.length; i++) {
                canvas.line(CAPTIONS[i] + "：", size, left, cursor, captionWidth + MM);
                List<String> lines = canvas.wrap(values[i], size, right - valueLeft, A5_VALUE_LINES[i]);
                for (String line : lines) {
                    canvas.line(line, size, valueLeft, cursor, right - valueLeft);
                    cursor -= lineAdvance;
                }
                canvas.horizontalRule(valueLeft, right, cursor + lineAdvance - 1.6f * MM, 0.3f);
                cursor -= 3.2f * MM;
            }

            cursor -= 2 * MM;
            canvas.line("承诺：", size, left, cursor, right - left);
            cursor -= lineAdvance;
            for (String clause : commitmentClauses()) {
                for (String line : canvas.wrap(clause, size, right - left - 4 * MM, 2)) {
                    canvas.line(line, size, left + 4 * MM, cursor, right - left - 4 * MM);
                    cursor -= lineAdvance;
                }
            }

            // The QR code at the bottom right with its captions below its quiet zone; the quiet zone
            // may reach into the page margin, never into text.
            float qrSide = code.modulesWithQuietZone() * moduleSize;
            float quietZone = QrCode.QUIET_ZONE_MODULES * moduleSize;
            float qrLeft = right - qrSide + quietZone;
            float qrBottom = 24 * MM;
            canvas.addQr(code, qrLeft, qrBottom, moduleSize);
            canvas.fill();
            float qrCentre = qrLeft + qrSide / 2;
            float captionRoom = qrSide + 10 * MM;
            canvas.centredLine(SCAN_HINT, 9, qrCentre, qrBottom - 4.5f * MM, captionRoom, false);
            canvas.centredWithin(certificate.code().text(), 9, qrCentre, qrBottom - 9 * MM, left, right);

            // The bases follow the promise, all three shown, the chosen ones ticked; they stay left of
            // the QR code's quiet zone.
            cursor -= 3 * MM;
            canvas.line("承诺依据：", size, left, cursor, qrLeft - left - 2 * MM);
            float boxSide = 3.6f * MM;
            cursor -= size * 1.9f;
            for (CertificateBasis basis : CertificateBasis.values()) {
                canvas.tickBox(
                        left + 4 * MM,
                        cursor - 0.6f * MM,
                        boxSide,
                        certificate.basis().contains(basis));
                float textLeft = left + 4 * MM + boxSide + 2 * MM;
                canvas.line(basis.text(), size, textLeft, cursor, qrLeft - textLeft - 2 * MM);
                cursor -= size * 1.9f;
            }
        }
    }

    /** 70 × 50 mm in whole 203-dpi dots: title, items beside the QR code, promise and bases below. */
    private static void drawLabel(PDDocument document, CjkFont font, Certificate certificate, QrCode code)
            throws IOException {
        int widthDots = LabelLayout.millimetresToDots(70);
        int heightDots = LabelLayout.millimetresToDots(50);
        int marginDots = 12;
        int moduleDots = 4;
        int qrDots = code.modulesWithQuietZone() * moduleDots;
        if (qrDots > 184) {
            throw InvalidLabelLayoutException.codeTooLarge(code, "certificate-70x50");
        }
        float width = LabelLayout.dotsToPoints(widthDots);
        float height = LabelLayout.dotsToPoints(heightDots);
        PDPage page = new PDPage(new PDRectangle(width, height));
        document.addPage(page);
        float left = LabelLayout.dotsToPoints(marginDots);
        float right = width - left;
        try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
            PdfCanvas canvas = new PdfCanvas(stream, font);
            float titleSize = 12;
            float titleBaseline = height - left - titleSize * 0.95f;
            canvas.centredLine(Certificate.TITLE, titleSize, width / 2, titleBaseline, right - left, true);
            int ruleDots = Math.round((titleBaseline - 2.5f) * LabelLayout.THERMAL_DPI / 72f);
            float ruleY = LabelLayout.dotsToPoints(ruleDots);
            canvas.horizontalRule(left, right, ruleY, 0.5f);

            // The QR code under the rule at the right, its quiet zone (whole dots) clear of the rule
            // and of all text; the quiet zone may reach into the blank margin.
            int qrLeftDots = widthDots - qrDots - marginDots / 2;
            int qrBottomDots = ruleDots - 2 - qrDots;
            float qrLeft = LabelLayout.dotsToPoints(qrLeftDots);
            float qrBottom = LabelLayout.dotsToPoints(qrBottomDots);
            float qrSide = LabelLayout.dotsToPoints(qrDots);
            canvas.addQr(code, qrLeft, qrBottom, LabelLayout.dotsToPoints(moduleDots));
            canvas.fill();
            float codeTextBaseline = qrBottom - 5.2f;
            // Nothing else is on the code's line: a wide code moves left rather than being cut.
            canvas.centredWithin(certificate.code().text(), 5.5f, qrLeft + qrSide / 2, codeTextBaseline, left, right);

            float size = 7;
            float fieldRight = qrLeft - 1;
            float lineAdvance = (ruleY - 1 - qrBottom) / CAPTIONS.length;
            float cursor = ruleY - 1 - size;
            String[] values = values(certificate);
            for (int i = 0; i < CAPTIONS.length; i++) {
                canvas.shrinkingLine(CAPTIONS[i] + "：" + values[i], size, 5, left, cursor, fieldRight - left);
                cursor -= lineAdvance;
            }

            float small = 6.5f;
            float below = codeTextBaseline - small * 1.6f;
            float indent = canvas.width("承诺：", small);
            canvas.line("承诺：", small, left, below, right - left);
            for (String clause : commitmentClauses()) {
                for (String line : canvas.wrap(clause, small, right - left - indent, 2)) {
                    canvas.line(line, small, left + indent, below, right - left - indent);
                    below -= small * 1.35f;
                }
            }
            drawBasesFlow(canvas, certificate, small, left, right, below - 1);
        }
    }

    /** The promise split after its semicolon, so that each half reads as a line of its own. */
    private static String[] commitmentClauses() {
        return Certificate.COMMITMENT.split("(?<=；)");
    }

    /** "依据：" then each basis with its box, flowing onto a second line if the first is full. */
    private static void drawBasesFlow(
            PdfCanvas canvas, Certificate certificate, float size, float left, float right, float baseline)
            throws IOException {
        float x = left + canvas.line("依据：", size, left, baseline, right - left);
        float box = size * 0.8f;
        for (CertificateBasis basis : CertificateBasis.values()) {
            float itemWidth = box + 1.5f + canvas.width(basis.text(), size) + 4;
            if (x + itemWidth > right) {
                baseline -= size * 1.35f;
                x = left + canvas.width("依据：", size);
            }
            canvas.tickBox(x, baseline - 0.3f, box, certificate.basis().contains(basis));
            x += box + 1.5f;
            x += canvas.line(basis.text(), size, x, baseline, right - x) + 4;
        }
    }
}
