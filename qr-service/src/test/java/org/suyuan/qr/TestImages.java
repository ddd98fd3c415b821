package org.suyuan.qr;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** Image plumbing for the tests: PDF and SVG rasterising, and the degradations a phone camera adds. */
final class TestImages {

    static final float DPI = 300;

    private TestImages() {}

    static BufferedImage read(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
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

    /** Every page of the PDF as a grey image at {@value #DPI} dpi. */
    static List<BufferedImage> pdfPages(byte[] pdf) {
        return pdfPages(pdf, DPI);
    }

    /** Every page of the PDF as a grey image at the given resolution. */
    static List<BufferedImage> pdfPages(byte[] pdf, float dpi) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            java.util.ArrayList<BufferedImage> pages = new java.util.ArrayList<>();
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                pages.add(renderer.renderImageWithDPI(i, dpi, ImageType.GRAY));
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points to pixels at {@value #DPI} dpi. */
    static double pixels(double points) {
        return points * DPI / 72;
    }

    static BufferedImage crop(BufferedImage image, double x, double y, double width, double height) {
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

    /**
     * Rasterises the SVG that {@link QrSvg} writes, at {@code pixelsPerModule}: a white square of the
     * viewBox size, then each {@code M x y h w v1 h-w z} run of the path filled black. A tiny renderer
     * for exactly that shape, so the test needs no SVG library, and fails on any other shape.
     */
    static BufferedImage rasteriseSvg(String svg, int pixelsPerModule) {
        Matcher viewBox = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        if (!viewBox.find()) {
            throw new AssertionError("No viewBox in SVG");
        }
        int size = Integer.parseInt(viewBox.group(1));
        Matcher path = Pattern.compile("<path fill=\"#000\" d=\"([^\"]*)\"").matcher(svg);
        if (!path.find()) {
            throw new AssertionError("No path in SVG");
        }
        String d = path.group(1);
        Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z").matcher(d);
        BufferedImage image =
                new BufferedImage(size * pixelsPerModule, size * pixelsPerModule, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
        graphics.setColor(Color.BLACK);
        int consumed = 0;
        while (run.find()) {
            if (run.start() != consumed || !run.group(3).equals(run.group(4))) {
                throw new AssertionError("Unexpected path data at " + consumed);
            }
            consumed = run.end();
            graphics.fillRect(
                    Integer.parseInt(run.group(1)) * pixelsPerModule,
                    Integer.parseInt(run.group(2)) * pixelsPerModule,
                    Integer.parseInt(run.group(3)) * pixelsPerModule,
                    pixelsPerModule);
        }
        graphics.dispose();
        if (consumed != d.length()) {
            throw new AssertionError("Unexpected path data at " + consumed);
        }
        return image;
    }

    /**
     * Shrinks by {@code factor} (at most 1) with exact area averaging: each new pixel is the mean of
     * the source area it covers, fractions included, which is what a camera sensor does to a scene.
     */
    static BufferedImage scale(BufferedImage image, double factor) {
        int width = image.getWidth();
        int height = image.getHeight();
        int targetWidth = Math.max(1, (int) Math.round(width * factor));
        int targetHeight = Math.max(1, (int) Math.round(height * factor));
        double[] grey = new double[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                grey[y * width + x] = image.getRGB(x, y) & 0xFF;
            }
        }
        double[] rows = new double[targetWidth * height];
        for (int y = 0; y < height; y++) {
            average(grey, y * width, 1, width, rows, y * targetWidth, 1, targetWidth);
        }
        double[] scaled = new double[targetWidth * targetHeight];
        for (int x = 0; x < targetWidth; x++) {
            average(rows, x, targetWidth, height, scaled, x, targetWidth, targetHeight);
        }
        BufferedImage result = new BufferedImage(targetWidth, targetHeight, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < targetHeight; y++) {
            for (int x = 0; x < targetWidth; x++) {
                int value = (int) Math.round(Math.min(255, Math.max(0, scaled[y * targetWidth + x])));
                result.setRGB(x, y, 0xFF000000 | value << 16 | value << 8 | value);
            }
        }
        return result;
    }

    /** One line of area averaging: {@code sourceLength} samples onto {@code targetLength}. */
    private static void average(
            double[] source,
            int sourceStart,
            int sourceStep,
            int sourceLength,
            double[] target,
            int targetStart,
            int targetStep,
            int targetLength) {
        double ratio = (double) sourceLength / targetLength;
        for (int i = 0; i < targetLength; i++) {
            double from = i * ratio;
            double to = from + ratio;
            double sum = 0;
            for (int j = (int) Math.floor(from); j < Math.min(sourceLength, (int) Math.ceil(to)); j++) {
                double overlap = Math.min(to, j + 1) - Math.max(from, j);
                sum += overlap * source[sourceStart + j * sourceStep];
            }
            target[targetStart + i * targetStep] = sum / ratio;
        }
    }

    /** Gaussian blur of standard deviation {@code sigma} pixels, as two separable convolutions. */
    static BufferedImage gaussianBlur(BufferedImage image, double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        float[] weights = new float[2 * radius + 1];
        float sum = 0;
        for (int i = -radius; i <= radius; i++) {
            weights[i + radius] = (float) Math.exp(-(i * i) / (2 * sigma * sigma));
            sum += weights[i + radius];
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] /= sum;
        }
        // Pad with white so the kernel never reads past the edge.
        BufferedImage padded = new BufferedImage(
                image.getWidth() + 2 * radius, image.getHeight() + 2 * radius, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = padded.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, padded.getWidth(), padded.getHeight());
        graphics.drawImage(image, radius, radius, null);
        graphics.dispose();
        BufferedImage horizontal = new ConvolveOp(new Kernel(weights.length, 1, weights), ConvolveOp.EDGE_NO_OP, null)
                .filter(padded, null);
        return new ConvolveOp(new Kernel(1, weights.length, weights), ConvolveOp.EDGE_NO_OP, null)
                .filter(horizontal, null);
    }

    /** Rotates by {@code degrees} about the centre onto a white canvas large enough to hold it all. */
    static BufferedImage rotate(BufferedImage image, double degrees) {
        double radians = Math.toRadians(degrees);
        double sin = Math.abs(Math.sin(radians));
        double cos = Math.abs(Math.cos(radians));
        int width = (int) Math.ceil(image.getWidth() * cos + image.getHeight() * sin);
        int height = (int) Math.ceil(image.getWidth() * sin + image.getHeight() * cos);
        BufferedImage rotated = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = rotated.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, width, height);
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        AffineTransform transform = new AffineTransform();
        transform.translate(width / 2.0, height / 2.0);
        transform.rotate(radians);
        transform.translate(-image.getWidth() / 2.0, -image.getHeight() / 2.0);
        graphics.drawImage(image, transform, null);
        graphics.dispose();
        return rotated;
    }

    /** The image as JPEG at the given quality (0–1), as a phone or messenger would recompress it. */
    static byte[] jpeg(BufferedImage image, float quality) {
        BufferedImage grey = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = grey.createGraphics();
        graphics.drawImage(image, 0, 0, null);
        graphics.dispose();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(output);
            ImageWriteParam parameters = writer.getDefaultWriteParam();
            parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            parameters.setCompressionQuality(quality);
            writer.write(null, new IIOImage(grey, null, null), parameters);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
