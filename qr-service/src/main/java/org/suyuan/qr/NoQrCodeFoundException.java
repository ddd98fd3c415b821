package org.suyuan.qr;

/** A readable image in which no QR symbol could be decoded. */
public final class NoQrCodeFoundException extends RuntimeException {

    private NoQrCodeFoundException(String message) {
        super(message);
    }

    public static NoQrCodeFoundException inImage(int width, int height) {
        return new NoQrCodeFoundException("No QR code could be read in the " + width + " × " + height
                + " image; photograph the code closer, flat and in focus");
    }
}
