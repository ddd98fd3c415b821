package org.suyuan.portal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.suyuan.qr.LabelLayout;
import org.suyuan.qr.QrDecoder;

/** What a printer and a phone camera make of a downloaded label sheet: the page at 300 dpi, its first label read. */
final class LabelPdfs {

    private static final float DPI = 300;

    private LabelPdfs() {}

    /** The text of the QR code on the first label (top left) of the first page, read with ZXing. */
    static String firstLabelText(byte[] pdf, LabelLayout layout) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, DPI, ImageType.GRAY);
            int width = (int) Math.min(page.getWidth(), Math.ceil(layout.labelWidthPoints() * DPI / 72));
            int height = (int) Math.min(page.getHeight(), Math.ceil(layout.labelHeightPoints() * DPI / 72));
            BufferedImage label = page.getSubimage(0, 0, width, height);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(label, "png", png);
            return new QrDecoder().decode(png.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
