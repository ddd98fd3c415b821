package org.suyuan.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.InvertedLuminanceSource;
import com.google.zxing.LuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Reads the QR code in an uploaded photo or scan of a label, for inspectors checking labels in the
 * field.
 *
 * <p>ZXing alone misses some codes that are plainly there (its own pristine output now and then, large
 * photos, codes of about 2 pixels per module), so several attempts run in turn, cheapest first: the
 * hybrid binarizer with TRY_HARDER; PURE_BARCODE for clean, generated images; the global-histogram
 * binarizer, which copes better with blur; a downscaled copy of a large photo or an enlarged copy of
 * a small image; and the inverted image for light-on-dark prints.
 *
 * <p>An image's dimensions are read from its header before any pixel is decoded, and images over the
 * pixel limit are refused, so a small compressed file that would inflate to gigabytes cannot exhaust
 * memory. The caller should still cap the upload's byte size. Thread-safe.
 */
public final class QrDecoder {

    /** Default pixel limit: 40 megapixels, above any phone photo (a 40 MP image needs 160 MB as RGB). */
    public static final long DEFAULT_MAX_PIXELS = 40_000_000L;

    private static final int DOWNSCALE_ABOVE = 1600;
    private static final int DOWNSCALE_TARGET = 1200;
    private static final int UPSCALE_UP_TO = 800;
    private static final double[] FALLBACK_SCALES = {0.75, 0.6};
    private static final int MIN_FALLBACK_SIDE = 100;

    private static final Map<DecodeHintType, Object> TRY_HARDER = hints(DecodeHintType.TRY_HARDER);
    private static final Map<DecodeHintType, Object> PURE_BARCODE = hints(DecodeHintType.PURE_BARCODE);

    private final long maxPixels;

    /** A decoder with the {@link #DEFAULT_MAX_PIXELS} limit. */
    public QrDecoder() {
        this(DEFAULT_MAX_PIXELS);
    }

    /** A decoder that refuses images of more than {@code maxPixels} pixels. */
    public QrDecoder(long maxPixels) {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be positive: " + maxPixels);
        }
        this.maxPixels = maxPixels;
    }

    /**
     * The text of the QR code in the image; with several codes in view, one of them.
     *
     * @throws UnreadableImageException if the bytes are empty, not an image, or damaged
     * @throws ImageTooLargeException if the image has more pixels than the limit
     * @throws NoQrCodeFoundException if the image holds no readable QR code
     */
    public String decode(byte[] imageBytes) {
        BufferedImage image = read(imageBytes);
        return decode(image).orElseThrow(() -> NoQrCodeFoundException.inImage(image.getWidth(), image.getHeight()));
    }

    private static Optional<String> decode(BufferedImage image) {
        LuminanceSource source = new BufferedImageLuminanceSource(image);
        Optional<String> text = attempt(source);
        if (text.isEmpty() && Math.max(image.getWidth(), image.getHeight()) > DOWNSCALE_ABOVE) {
            text = attempt(new BufferedImageLuminanceSource(downscale(image)));
        }
        if (text.isEmpty() && Math.max(image.getWidth(), image.getHeight()) <= UPSCALE_UP_TO) {
            text = attempt(new BufferedImageLuminanceSource(upscale(image, 3)));
        }
        if (text.isEmpty()) {
            text = attempt(new InvertedLuminanceSource(source));
        }
        // ZXing's finder-pattern search fails on a few codes at a few module sizes (seen: a thermal label rendered
        // at 300 dpi, about 5.9 pixels per module, that zbar reads); another module size gets past it.
        for (int i = 0; text.isEmpty() && i < FALLBACK_SCALES.length; i++) {
            int width = (int) Math.round(image.getWidth() * FALLBACK_SCALES[i]);
            int height = (int) Math.round(image.getHeight() * FALLBACK_SCALES[i]);
            if (Math.min(width, height) >= MIN_FALLBACK_SIDE) {
                text = attempt(new BufferedImageLuminanceSource(resize(image, width, height)));
            }
        }
        return text;
    }

    private static Optional<String> attempt(LuminanceSource source) {
        QRCodeReader reader = new QRCodeReader();
        List<Attempt> attempts = List.of(
                new Attempt(new BinaryBitmap(new HybridBinarizer(source)), TRY_HARDER),
                new Attempt(new BinaryBitmap(new HybridBinarizer(source)), PURE_BARCODE),
                new Attempt(new BinaryBitmap(new GlobalHistogramBinarizer(source)), TRY_HARDER));
        for (Attempt attempt : attempts) {
            try {
                Result result = reader.decode(attempt.bitmap(), attempt.hints());
                return Optional.of(result.getText());
            } catch (ReaderException e) {
                reader.reset();
            }
        }
        return Optional.empty();
    }

    private BufferedImage read(byte[] imageBytes) {
        if (imageBytes == null || imageBytes.length == 0) {
            throw UnreadableImageException.empty();
        }
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(imageBytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw UnreadableImageException.notAnImage();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > maxPixels) {
                    throw ImageTooLargeException.forDimensions(width, height, maxPixels);
                }
                BufferedImage image = reader.read(0);
                if (image == null) {
                    throw UnreadableImageException.notAnImage();
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw UnreadableImageException.corrupt(e);
        } catch (ImageTooLargeException | UnreadableImageException e) {
            throw e;
        } catch (RuntimeException e) {
            // Image readers throw assorted runtime exceptions on crafted or truncated files.
            throw UnreadableImageException.corrupt(e);
        }
    }

    /**
     * A smaller grey copy of a large photo: ZXing finds big, soft modules more easily at this scale.
     * Halves in steps so that bilinear sampling never skips pixels (a one-step 4× reduction aliases).
     */
    private static BufferedImage downscale(BufferedImage image) {
        BufferedImage current = image;
        int width = image.getWidth();
        int height = image.getHeight();
        double scale = (double) DOWNSCALE_TARGET / Math.max(width, height);
        int targetWidth = Math.max(1, (int) Math.round(width * scale));
        int targetHeight = Math.max(1, (int) Math.round(height * scale));
        do {
            width = Math.max(targetWidth, width / 2);
            height = Math.max(targetHeight, height / 2);
            current = resize(current, width, height);
        } while (width > targetWidth || height > targetHeight);
        return current;
    }

    /**
     * A bicubically enlarged grey copy of a small image. With about 2 pixels per module ZXing samples
     * module centres at pixel edges and misreads; interpolation puts samples back near the centres.
     */
    private static BufferedImage upscale(BufferedImage image, int factor) {
        BufferedImage larger =
                new BufferedImage(image.getWidth() * factor, image.getHeight() * factor, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = larger.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            graphics.drawImage(image, 0, 0, larger.getWidth(), larger.getHeight(), null);
        } finally {
            graphics.dispose();
        }
        return larger;
    }

    private static BufferedImage resize(BufferedImage image, int width, int height) {
        BufferedImage smaller = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = smaller.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            graphics.drawImage(image, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        return smaller;
    }

    private static Map<DecodeHintType, Object> hints(DecodeHintType mode) {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        hints.put(mode, Boolean.TRUE);
        return Map.copyOf(hints);
    }

    private record Attempt(BinaryBitmap bitmap, Map<DecodeHintType, Object> hints) {}
}
