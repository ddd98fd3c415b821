package org.suyuan.qr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * Drawing on one PDF page in points with the bundled CJK font: vector QR symbols, single lines of
 * text cut to a width, wrapped paragraphs, tick boxes. Shared by label sheets and certificates so
 * that both keep text inside their boxes the same way.
 */
final class PdfCanvas {

    /** Line advance as a multiple of the font size. */
    static final float LINE_SPACING = 1.3f;

    private final PDPageContentStream stream;
    private final CjkFont font;

    PdfCanvas(PDPageContentStream stream, CjkFont font) {
        this.stream = stream;
        this.font = font;
    }

    /**
     * Adds the dark modules of {@code code} as one rectangle per horizontal run, without filling;
     * {@link #fill()} then paints every symbol added so far in one operation. {@code left} and
     * {@code bottom} are the outer corner of the quiet zone.
     */
    void addQr(QrCode code, float left, float bottom, float moduleSize) {
        float top = bottom + code.modulesWithQuietZone() * moduleSize;
        code.forEachDarkRun((x, y, length) -> {
            try {
                stream.addRect(left + x * moduleSize, top - (y + 1) * moduleSize, length * moduleSize, moduleSize);
            } catch (IOException e) {
                throw new PdfWriteException(e);
            }
        });
    }

    void fill() throws IOException {
        stream.fill();
    }

    /** Writes {@code text} with its baseline at {@code baseline}, cut with an ellipsis to {@code maxWidth}. */
    float line(String text, float size, float x, float baseline, float maxWidth) throws IOException {
        String fitted = fit(text, size, maxWidth);
        show(fitted, size, x, baseline, false);
        return font.width(fitted, size);
    }

    /**
     * Like {@link #line}, but first shrinks the type down to {@code minSize} to make the text fit, and
     * cuts it only if it still does not: for required items that should be read whole.
     */
    float shrinkingLine(String text, float size, float minSize, float x, float baseline, float maxWidth)
            throws IOException {
        float naturalWidth = width(text, size);
        float fitted = naturalWidth <= maxWidth ? size : Math.max(minSize, size * maxWidth / naturalWidth);
        return line(text, fitted, x, baseline, maxWidth);
    }

    /** Like {@link #line} but drawn heavier (fill and stroke), for titles: the font has no bold face. */
    void boldLine(String text, float size, float x, float baseline) throws IOException {
        show(font.printable(text), size, x, baseline, true);
    }

    /** Writes one line centred on {@code centreX}, cut to {@code maxWidth}. */
    void centredLine(String text, float size, float centreX, float baseline, float maxWidth, boolean bold)
            throws IOException {
        String fitted = fit(text, size, maxWidth);
        show(fitted, size, centreX - font.width(fitted, size) / 2, baseline, bold);
    }

    /**
     * Writes one line centred on {@code centreX} but kept between {@code left} and {@code right}: moved aside rather
     * than cut, and cut only when it is wider than the whole room. For a printed trace code, which a consumer types
     * in when the QR code will not scan, so it must be read whole.
     */
    void centredWithin(String text, float size, float centreX, float baseline, float left, float right)
            throws IOException {
        float textWidth = width(text, size);
        float centre = Math.max(left + textWidth / 2, Math.min(centreX, right - textWidth / 2));
        centredLine(text, size, centre, baseline, right - left, false);
    }

    /** The printable form of {@code text}, cut with an ellipsis so that it is at most {@code maxWidth} wide. */
    String fit(String text, float size, float maxWidth) throws IOException {
        String printable = font.printable(text).strip();
        if (font.width(printable, size) <= maxWidth) {
            return printable;
        }
        String ellipsis = font.ellipsis();
        int[] codePoints = printable.codePoints().toArray();
        int low = 0;
        int high = codePoints.length;
        // Binary search for the longest prefix that still fits with the ellipsis.
        while (low < high) {
            int middle = (low + high + 1) / 2;
            String candidate = new String(codePoints, 0, middle) + ellipsis;
            if (font.width(candidate, size) <= maxWidth) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low == 0 ? "" : new String(codePoints, 0, low).strip() + ellipsis;
    }

    /**
     * Breaks {@code text} into at most {@code maxLines} lines of at most {@code maxWidth}; the last
     * line gets an ellipsis if text remains. Chinese breaks between any two characters, so this
     * breaks by character, not by word.
     */
    List<String> wrap(String text, float size, float maxWidth, int maxLines) throws IOException {
        String remaining = font.printable(text).strip();
        List<String> lines = new ArrayList<>();
        while (!remaining.isEmpty() && lines.size() < maxLines) {
            if (lines.size() == maxLines - 1 || font.width(remaining, size) <= maxWidth) {
                lines.add(fit(remaining, size, maxWidth));
                break;
            }
            int[] codePoints = remaining.codePoints().toArray();
            int count = 1;
            while (count < codePoints.length && font.width(new String(codePoints, 0, count + 1), size) <= maxWidth) {
                count++;
            }
            lines.add(new String(codePoints, 0, count).strip());
            remaining = new String(codePoints, count, codePoints.length - count).strip();
        }
        return lines;
    }

    /** Width of {@code text} as it would be printed, in points. */
    float width(String text, float size) throws IOException {
        return font.width(font.printable(text), size);
    }

    /** A square tick box with its lower-left corner at ({@code x}, {@code y}), ticked or empty. */
    void tickBox(float x, float y, float side, boolean ticked) throws IOException {
        stream.setLineWidth(Math.max(0.4f, side / 14));
        stream.addRect(x, y, side, side);
        stream.stroke();
        if (ticked) {
            stream.setLineWidth(Math.max(0.6f, side / 8));
            stream.moveTo(x + side * 0.18f, y + side * 0.52f);
            stream.lineTo(x + side * 0.42f, y + side * 0.22f);
            stream.lineTo(x + side * 0.85f, y + side * 0.85f);
            stream.stroke();
        }
    }

    void horizontalRule(float x1, float x2, float y, float width) throws IOException {
        stream.setLineWidth(width);
        stream.moveTo(x1, y);
        stream.lineTo(x2, y);
        stream.stroke();
    }

    void frame(float x, float y, float width, float height, float lineWidth) throws IOException {
        stream.setLineWidth(lineWidth);
        stream.addRect(x, y, width, height);
        stream.stroke();
    }

    private void show(String printableText, float size, float x, float baseline, boolean bold) throws IOException {
        if (printableText.isEmpty()) {
            return;
        }
        if (bold) {
            stream.setLineWidth(size / 30);
        }
        stream.beginText();
        stream.setFont(font.font(), size);
        if (bold) {
            stream.setRenderingMode(RenderingMode.FILL_STROKE);
        }
        stream.newLineAtOffset(x, baseline);
        stream.showText(printableText);
        if (bold) {
            stream.setRenderingMode(RenderingMode.FILL);
        }
        stream.endText();
    }

    /** Carries an {@link IOException} out of a run callback; unwrapped by the document writers. */
    static final class PdfWriteException extends RuntimeException {
        PdfWriteException(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }
}
