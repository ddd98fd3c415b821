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
 * Prints labels as a PDF: a grid per A4 sheet, or one thermal label per page, each with a vector QR
 * symbol and its product name, batch number, producer, date and human-readable code in Chinese.
 *
 * <p>The QR symbol sits at the left with its full quiet zone, text to its right and never inside the
 * quiet zone; text that does not fit its box is cut with an ellipsis rather than running into the
 * next label. On thermal layouts each module is a whole number of 203-dpi dots (4 dots, 0.5 mm, the
 * smallest size inside GS1's range for point-of-sale scanning); on A4 the module is as large as the
 * label allows up to 0.75 mm. A code that would need modules under 0.4 mm is refused, not shrunk.
 *
 * <p>Each call builds its own document, font subset included. Stateless and thread-safe.
 */
public final class LabelSheet {

    /** Most labels in one document: 10,000 labels are about 420 A4 pages. */
    public static final int MAX_LABELS = 10_000;

    private static final int THERMAL_MODULE_DOTS = 4;
    private static final int THERMAL_MARGIN_DOTS = 8;
    private static final float THERMAL_MAX_FONT = 8f;
    private static final float A4_MAX_FONT = 9f;
    private static final float MIN_MODULE_MM = 0.4f;
    private static final float MAX_A4_MODULE_MM = 0.75f;
    private static final float A4_PADDING_MM = 2.5f;
    private static final float MIN_TEXT_WIDTH_MM = 15f;
    private static final float TEXT_GAP_MM = 0.5f;
    private static final float NAME_SCALE = 1.2f;
    private static final float CODE_SCALE = 0.85f;

    /** How far the code's type may shrink to fit its line before it is cut. */
    private static final float CODE_MIN_SHRINK = 0.6f;

    private LabelSheet() {}

    /** The labels at the default error correction, {@link ErrorCorrection#M}. */
    public static byte[] render(List<Label> labels, LabelLayout layout) {
        return render(labels, layout, ErrorCorrection.DEFAULT);
    }

    /**
     * The labels in order, filling each page left to right, top to bottom.
     *
     * @throws InvalidLabelException for no labels or more than {@value #MAX_LABELS}
     * @throws InvalidLabelLayoutException if a code does not fit the layout at a scannable size
     */
    public static byte[] render(List<Label> labels, LabelLayout layout, ErrorCorrection errorCorrection) {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(errorCorrection, "errorCorrection");
        if (labels.isEmpty()) {
            throw InvalidLabelException.noLabels();
        }
        if (labels.size() > MAX_LABELS) {
            throw InvalidLabelException.tooMany(labels.size());
        }
        try (PDDocument document = new PDDocument();
                CjkFont font = CjkFont.embedIn(document)) {
            document.getDocumentInformation().setTitle("Suyuan labels " + layout.name());
            document.getDocumentInformation().setCreator("Suyuan");
            int perPage = layout.labelsPerPage();
            for (int first = 0; first < labels.size(); first += perPage) {
                List<Label> pageLabels = labels.subList(first, Math.min(first + perPage, labels.size()));
                drawPage(document, font, layout, pageLabels, errorCorrection);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (PdfCanvas.PdfWriteException e) {
            throw new UncheckedIOException("Writing a label PDF to memory failed", e.getCause());
        } catch (IOException e) {
            throw new UncheckedIOException("Writing a label PDF to memory failed", e);
        }
    }

    private static void drawPage(
            PDDocument document, CjkFont font, LabelLayout layout, List<Label> labels, ErrorCorrection errorCorrection)
            throws IOException {
        PDPage page = new PDPage(new PDRectangle(layout.pageWidthPoints(), layout.pageHeightPoints()));
        document.addPage(page);
        try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
            PdfCanvas canvas = new PdfCanvas(stream, font);
            Cell[] cells = new Cell[labels.size()];
            for (int i = 0; i < labels.size(); i++) {
                Label label = labels.get(i);
                QrCode code = QrCode.encode(label.code().content(), errorCorrection);
                int column = i % layout.columns();
                int row = i / layout.columns();
                float left = column * layout.labelWidthPoints();
                float bottom = layout.pageHeightPoints() - (row + 1) * layout.labelHeightPoints();
                cells[i] = layout.isThermal()
                        ? thermalCell(layout, code, left, bottom)
                        : a4Cell(layout, code, left, bottom);
                canvas.addQr(code, cells[i].qrLeft, cells[i].qrBottom, cells[i].moduleSize);
            }
            // All symbols of the page in one fill: fewer operators, and no seams between runs.
            canvas.fill();
            for (int i = 0; i < labels.size(); i++) {
                drawText(canvas, labels.get(i), cells[i]);
            }
        }
    }

    /**
     * Whole printer dots throughout: page, margin, module size and symbol position. The symbol sits
     * top-left, the human-readable code along the bottom under it (a thermal label's text column is
     * too narrow for it), the other lines to its right.
     */
    private static Cell thermalCell(LabelLayout layout, QrCode code, float left, float bottom) {
        int widthDots = Math.round(layout.labelWidthPoints() * LabelLayout.THERMAL_DPI / 72f);
        int heightDots = Math.round(layout.labelHeightPoints() * LabelLayout.THERMAL_DPI / 72f);
        int qrDots = code.modulesWithQuietZone() * THERMAL_MODULE_DOTS;
        int minTextDots = LabelLayout.millimetresToDots(MIN_TEXT_WIDTH_MM);
        int codeLineDots = 24;
        if (qrDots > heightDots - 2 * THERMAL_MARGIN_DOTS - codeLineDots
                || qrDots > widthDots - 2 * THERMAL_MARGIN_DOTS - minTextDots) {
            throw InvalidLabelLayoutException.codeTooLarge(code, layout.name());
        }
        int qrBottomDots = heightDots - THERMAL_MARGIN_DOTS - qrDots;
        float qrBottom = bottom + LabelLayout.dotsToPoints(qrBottomDots);
        float labelRight = left + LabelLayout.dotsToPoints(widthDots - THERMAL_MARGIN_DOTS);
        float marginLeft = left + LabelLayout.dotsToPoints(THERMAL_MARGIN_DOTS);
        float codeSize = THERMAL_MAX_FONT * CODE_SCALE;
        return new Cell(
                marginLeft,
                qrBottom,
                LabelLayout.dotsToPoints(THERMAL_MODULE_DOTS),
                left + LabelLayout.dotsToPoints(THERMAL_MARGIN_DOTS + qrDots + 2),
                labelRight,
                qrBottom,
                bottom + LabelLayout.dotsToPoints(heightDots - THERMAL_MARGIN_DOTS),
                THERMAL_MAX_FONT,
                new CodeLine(marginLeft, qrBottom - codeSize * 1.2f, labelRight - marginLeft, codeSize));
    }

    private static Cell a4Cell(LabelLayout layout, QrCode code, float left, float bottom) {
        float padding = LabelLayout.millimetresToPoints(A4_PADDING_MM);
        float width = layout.labelWidthPoints();
        float height = layout.labelHeightPoints();
        float qrRoom = Math.min(
                height - 2 * padding, width - 2 * padding - LabelLayout.millimetresToPoints(MIN_TEXT_WIDTH_MM));
        float moduleSize =
                Math.min(LabelLayout.millimetresToPoints(MAX_A4_MODULE_MM), qrRoom / code.modulesWithQuietZone());
        if (moduleSize < LabelLayout.millimetresToPoints(MIN_MODULE_MM)) {
            throw InvalidLabelLayoutException.codeTooLarge(code, layout.name());
        }
        float qrSide = moduleSize * code.modulesWithQuietZone();
        return new Cell(
                left + padding,
                bottom + (height - qrSide) / 2,
                moduleSize,
                left + padding + qrSide + LabelLayout.millimetresToPoints(TEXT_GAP_MM),
                left + width - padding,
                bottom + padding,
                bottom + height - padding,
                A4_MAX_FONT,
                null);
    }

    /**
     * Name (larger), batch, producer, date and, unless the cell puts it elsewhere, the code, vertically
     * centred in the text box. Captions are dropped before values are cut, so a narrow label still
     * shows the whole batch number and date.
     */
    private static void drawText(PdfCanvas canvas, Label label, Cell cell) throws IOException {
        String codeText = label.code().text();
        boolean codeInColumn = cell.codeLine == null && !codeText.isBlank();
        float scaleSum = NAME_SCALE + 3 + (codeInColumn ? CODE_SCALE : 0);
        float available = cell.textTop - cell.textBottom;
        float size = Math.min(cell.maxFontSize, available / (scaleSum * PdfCanvas.LINE_SPACING));
        float blockHeight = size * scaleSum * PdfCanvas.LINE_SPACING;
        float maxWidth = cell.textRight - cell.textLeft;
        float cursor = (cell.textTop + cell.textBottom) / 2 + blockHeight / 2;

        cursor = nextLine(canvas, label.productName(), size * NAME_SCALE, cell.textLeft, cursor, maxWidth);
        String batch = captioned(canvas, "批次 ", label.batchNumber(), size, maxWidth);
        cursor = nextLine(canvas, batch, size, cell.textLeft, cursor, maxWidth);
        cursor = nextLine(canvas, label.producer(), size, cell.textLeft, cursor, maxWidth);
        String date = captioned(canvas, "日期 ", label.date().toString(), size, maxWidth);
        cursor = nextLine(canvas, date, size, cell.textLeft, cursor, maxWidth);
        // The code is what a consumer types in when the QR code will not scan: a wide one is set smaller rather
        // than cut.
        if (codeInColumn) {
            float codeSize = size * CODE_SCALE;
            float baseline = cursor - codeSize * PdfCanvas.LINE_SPACING + codeSize * 0.25f;
            canvas.shrinkingLine(codeText, codeSize, codeSize * CODE_MIN_SHRINK, cell.textLeft, baseline, maxWidth);
        } else if (cell.codeLine != null && !codeText.isBlank()) {
            CodeLine line = cell.codeLine;
            canvas.shrinkingLine(
                    codeText, line.size, line.size * CODE_MIN_SHRINK, line.x, line.baseline, line.maxWidth);
        }
    }

    /** {@code caption + value} if it fits, else the value alone: the value is what matters. */
    private static String captioned(PdfCanvas canvas, String caption, String value, float size, float maxWidth)
            throws IOException {
        String full = caption + value;
        return canvas.width(full, size) <= maxWidth ? full : value;
    }

    /** Writes a line whose box starts at {@code top} and returns the top of the next line's box. */
    private static float nextLine(PdfCanvas canvas, String text, float size, float x, float top, float maxWidth)
            throws IOException {
        float lineHeight = size * PdfCanvas.LINE_SPACING;
        // Baseline about a fifth of the line box above its bottom, leaving room for descenders.
        canvas.line(text, size, x, top - lineHeight + size * 0.25f, maxWidth);
        return top - lineHeight;
    }

    /** Geometry of one label in points: the QR symbol's corner and module, and the text box. */
    private record Cell(
            float qrLeft,
            float qrBottom,
            float moduleSize,
            float textLeft,
            float textRight,
            float textBottom,
            float textTop,
            float maxFontSize,
            CodeLine codeLine) {}

    /** Where the human-readable code goes when not in the text column. */
    private record CodeLine(float x, float baseline, float maxWidth, float size) {}
}
