package org.suyuan.qr;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Renders a QR symbol as a 1-bit PNG whose modules are all the same whole number of pixels.
 *
 * <p>The image is as large as fits the requested size at the largest integer module size, so it
 * can be smaller than requested (a 41-module symbol asked at 200 px is 164 px): a module of 4.9
 * pixels would be blurred or uneven, which costs decoders far more than a few pixels of size. Place
 * it at its own size; scaling it again in CSS, Word or a printer driver brings the blur back.
 *
 * <p>Pixels are written straight into the packed raster, without ZXing's
 * {@code MatrixToImageWriter}, which goes through the colour model pixel by pixel, and without
 * ImageIO's disk cache. Stateless and thread-safe.
 */
public final class QrPng {

    /** Smallest size accepted, in pixels: below it even a version-1 symbol has tiny modules. */
    public static final int MIN_SIZE_PIXELS = 64;

    /** Largest size accepted, in pixels: bounds memory and response size for a public endpoint. */
    public static final int MAX_SIZE_PIXELS = 2048;

    private QrPng() {}

    /**
     * The PNG bytes of {@code code}, at most {@code sizePixels} square.
     *
     * @throws ImageSizeOutOfRangeException if the size is outside {@value #MIN_SIZE_PIXELS}–{@value
     *     #MAX_SIZE_PIXELS} or smaller than one pixel per module
     */
    public static byte[] render(QrCode code, int sizePixels) {
        BufferedImage image = image(code, moduleSizePixels(code, sizePixels));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        ImageWriter writer = pngWriter();
        try (ImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            writer.write(image);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing a PNG to memory failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /**
     * The module size, in pixels, that {@link #render} uses for this code at this size: the side of
     * the image is this times {@link QrCode#modulesWithQuietZone()}.
     */
    public static int moduleSizePixels(QrCode code, int sizePixels) {
        if (sizePixels < MIN_SIZE_PIXELS || sizePixels > MAX_SIZE_PIXELS) {
            throw ImageSizeOutOfRangeException.forSize(sizePixels);
        }
        int modules = code.modulesWithQuietZone();
        if (sizePixels < modules) {
            throw ImageSizeOutOfRangeException.tooSmallFor(sizePixels, modules);
        }
        return sizePixels / modules;
    }

    /** A 1-bit image of the symbol with its quiet zone, {@code moduleSize} pixels per module. */
    static BufferedImage image(QrCode code, int moduleSize) {
        int side = code.modulesWithQuietZone() * moduleSize;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int stride = (side + 7) / 8;
        // In the default binary palette a set bit is white: start all white, clear the dark runs.
        Arrays.fill(pixels, (byte) 0xFF);
        int[] lastRow = {-1};
        code.forEachDarkRun((x, y, length) -> {
            int rowStart = y * moduleSize * stride;
            if (lastRow[0] != y) {
                copyDown(pixels, stride, moduleSize, lastRow[0]);
                lastRow[0] = y;
            }
            clearBits(pixels, rowStart, x * moduleSize, length * moduleSize);
        });
        copyDown(pixels, stride, moduleSize, lastRow[0]);
        return image;
    }

    /** Repeats the first pixel row of module row {@code moduleRow} over the rest of that module row. */
    private static void copyDown(byte[] pixels, int stride, int moduleSize, int moduleRow) {
        if (moduleRow < 0) {
            return;
        }
        int first = moduleRow * moduleSize * stride;
        for (int i = 1; i < moduleSize; i++) {
            System.arraycopy(pixels, first, pixels, first + i * stride, stride);
        }
    }

    private static void clearBits(byte[] pixels, int rowStart, int fromPixel, int count) {
        int pixel = fromPixel;
        int end = fromPixel + count;
        while (pixel < end && (pixel & 7) != 0) {
            pixels[rowStart + (pixel >> 3)] &= (byte) ~(0x80 >>> (pixel & 7));
            pixel++;
        }
        while (pixel + 8 <= end) {
            pixels[rowStart + (pixel >> 3)] = 0;
            pixel += 8;
        }
        while (pixel < end) {
            pixels[rowStart + (pixel >> 3)] &= (byte) ~(0x80 >>> (pixel & 7));
            pixel++;
        }
    }

    private static ImageWriter pngWriter() {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IllegalStateException("This Java runtime has no PNG writer");
        }
        return writers.next();
    }
}
