package org.suyuan.qr;

import java.util.Locale;

/** An image with more pixels than the decoder will hold in memory; refused before its pixels are read. */
public final class ImageTooLargeException extends IllegalArgumentException {

    private ImageTooLargeException(String message) {
        super(message);
    }

    public static ImageTooLargeException forDimensions(int width, int height, long maxPixels) {
        return new ImageTooLargeException(String.format(
                Locale.ROOT,
                "The image is %d × %d pixels; at most %,d pixels in total are accepted",
                width,
                height,
                maxPixels));
    }
}
