package org.suyuan.code;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.suyuan.qr.LabelLayout;
import org.suyuan.qr.QrDecoder;

/** What a printer and a camera would make of the served files: PDF pages at 300 dpi, cut into labels, decoded. */
final class LabelImages {

    static final float DPI = 300;

    private static final QrDecoder ZXING = new QrDecoder();

    private LabelImages() {}

    /** Every page of the PDF as a grey image at 300 dpi. */
    static List<BufferedImage> pages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            List<BufferedImage> pages = new ArrayList<>();
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                pages.add(renderer.renderImageWithDPI(i, DPI, ImageType.GRAY));
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The labels of one page, left to right and top to bottom, as the layout places them. */
    static List<BufferedImage> labels(BufferedImage page, LabelLayout layout) {
        double width = layout.labelWidthPoints() * DPI / 72;
        double height = layout.labelHeightPoints() * DPI / 72;
        List<BufferedImage> cells = new ArrayList<>();
        for (int row = 0; row < layout.rows(); row++) {
            for (int column = 0; column < layout.columns(); column++) {
                cells.add(crop(page, column * width, row * height, width, height));
            }
        }
        return cells;
    }

    /** The text ZXing (through the decoder the service uses) reads in the image. */
    static String zxing(BufferedImage image) {
        return ZXING.decode(png(image));
    }

    static String zxing(byte[] imageBytes) {
        return ZXING.decode(imageBytes);
    }

    static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int pageCount(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage read(byte[] image) {
        try {
            return ImageIO.read(new ByteArrayInputStream(image));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage crop(BufferedImage image, double x, double y, double width, double height) {
        int left = (int) Math.round(x);
        int top = (int) Math.round(y);
        int w = Math.min(image.getWidth() - left, (int) Math.round(width));
        int h = Math.min(image.getHeight() - top, (int) Math.round(height));
        BufferedImage copy = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = copy.createGraphics();
        graphics.drawImage(image.getSubimage(left, top, w, h), 0, 0, null);
        graphics.dispose();
        return copy;
    }
}
