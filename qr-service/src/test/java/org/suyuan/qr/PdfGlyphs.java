package org.suyuan.qr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** Text of a PDF read back with PDFBox: the plain text per page, and every glyph with its box. */
final class PdfGlyphs {

    /**
     * One glyph, in points from the page's top-left corner (the way PDFBox reports text).
     *
     * @param top the top of the glyph box (baseline minus height)
     */
    record Glyph(int page, String text, float left, float top, float right, float baseline, float fontSize) {}

    private PdfGlyphs() {}

    static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The plain text with all white space removed, so that wrapped lines compare as one string. */
    static String compactText(byte[] pdf) {
        return text(pdf).replaceAll("\\s", "");
    }

    static List<Glyph> glyphs(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<Glyph> glyphs = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    for (TextPosition position : positions) {
                        glyphs.add(new Glyph(
                                getCurrentPageNo() - 1,
                                position.getUnicode(),
                                position.getXDirAdj(),
                                position.getYDirAdj() - position.getHeightDir(),
                                position.getXDirAdj() + position.getWidthDirAdj(),
                                position.getYDirAdj(),
                                position.getFontSizeInPt()));
                    }
                }
            };
            stripper.setSortByPosition(true);
            stripper.getText(document);
            return glyphs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
