package org.suyuan.qr;

/** Uploaded bytes that are not an image this service can read (PNG, JPEG, GIF, BMP, TIFF). */
public final class UnreadableImageException extends IllegalArgumentException {

    private UnreadableImageException(String message, Throwable cause) {
        super(message, cause);
    }

    public static UnreadableImageException empty() {
        return new UnreadableImageException("No image was uploaded", null);
    }

    public static UnreadableImageException notAnImage() {
        return new UnreadableImageException(
                "The upload is not an image in a readable format (PNG, JPEG, GIF, BMP, TIFF)", null);
    }

    public static UnreadableImageException corrupt(Throwable cause) {
        return new UnreadableImageException("The image could not be read; it may be damaged or truncated", cause);
    }
}
