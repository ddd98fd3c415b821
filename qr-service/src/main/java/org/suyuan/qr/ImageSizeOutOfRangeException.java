package org.suyuan.qr;

/** A requested image size outside what {@link QrPng} renders, or too small for the symbol. */
public final class ImageSizeOutOfRangeException extends IllegalArgumentException {

    private ImageSizeOutOfRangeException(String message) {
        super(message);
    }

    public static ImageSizeOutOfRangeException forSize(int sizePixels) {
        return new ImageSizeOutOfRangeException("Image size must be between " + QrPng.MIN_SIZE_PIXELS + " and "
                + QrPng.MAX_SIZE_PIXELS + " pixels, got " + sizePixels);
    }

    public static ImageSizeOutOfRangeException tooSmallFor(int sizePixels, int modulesWithQuietZone) {
        return new ImageSizeOutOfRangeException(
                "A " + sizePixels + "-pixel image cannot hold this code: it needs at least " + modulesWithQuietZone
                        + " pixels (one per module, quiet zone included)");
    }
}
