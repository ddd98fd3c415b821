package org.suyuan.qr;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The bundled WenQuanYi Micro Hei font (see {@code fonts/README.md}), embedded in one document as a
 * subset.
 *
 * <p>The font file is read from the jar once; each document parses its own copy because PDFBox font
 * objects are not safe to share between threads, and the collection must stay open until the
 * document is saved, when the subset is written.
 */
final class CjkFont implements Closeable {

    static final String RESOURCE = "/fonts/wqy-microhei.ttc";
    static final String FACE = "WenQuanYiMicroHei";

    private final TrueTypeCollection collection;
    private final PDType0Font font;
    private final CmapLookup unicodeCmap;
    private final String ellipsis;

    private CjkFont(TrueTypeCollection collection, TrueTypeFont face, PDType0Font font) throws IOException {
        this.collection = collection;
        this.font = font;
        this.unicodeCmap = face.getUnicodeCmapLookup();
        this.ellipsis = supports('…') ? "…" : "...";
    }

    static CjkFont embedIn(PDDocument document) throws IOException {
        TrueTypeCollection collection = new TrueTypeCollection(new ByteArrayInputStream(FontFile.BYTES));
        try {
            TrueTypeFont face = collection.getFontByName(FACE);
            if (face == null) {
                throw new IllegalStateException("Font " + FACE + " is missing from " + RESOURCE);
            }
            return new CjkFont(collection, face, PDType0Font.load(document, face, true));
        } catch (IOException | RuntimeException e) {
            collection.close();
            throw e;
        }
    }

    PDType0Font font() {
        return font;
    }

    String ellipsis() {
        return ellipsis;
    }

    /**
     * The text as this font can print it: control characters become spaces and characters without a
     * glyph become {@code ?}, rather than PDFBox failing the whole document on one rare character.
     */
    String printable(String text) {
        StringBuilder printable = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            if (Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)) {
                printable.append(' ');
            } else if (supports(codePoint)) {
                printable.appendCodePoint(codePoint);
            } else {
                printable.append('?');
            }
        });
        return printable.toString();
    }

    /** Width of already printable text, in points. */
    float width(String printableText, float size) throws IOException {
        return font.getStringWidth(printableText) / 1000f * size;
    }

    private boolean supports(int codePoint) {
        return unicodeCmap.getGlyphId(codePoint) > 0;
    }

    @Override
    public void close() throws IOException {
        collection.close();
    }

    /** The font file, read once on first use. */
    private static final class FontFile {
        static final byte[] BYTES = read();

        private static byte[] read() {
            try (InputStream in = CjkFont.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("Font resource " + RESOURCE + " is missing from the classpath");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("Reading font resource " + RESOURCE + " failed", e);
            }
        }
    }
}
