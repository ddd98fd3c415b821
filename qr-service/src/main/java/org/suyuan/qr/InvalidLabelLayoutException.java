package org.suyuan.qr;

/** A label layout that does not exist, or one that cannot hold the code at a scannable module size. */
public final class InvalidLabelLayoutException extends IllegalArgumentException {

    private InvalidLabelLayoutException(String message) {
        super(message);
    }

    public static InvalidLabelLayoutException unknownName(String name) {
        return new InvalidLabelLayoutException("Unknown label layout '"
                + InvalidTraceCodeException.printable(String.valueOf(name))
                + "'; known: a4-3x8 (or a4-{columns}x{rows}), thermal-50x30, thermal-40x30");
    }

    public static InvalidLabelLayoutException gridOutOfRange(int columns, int rows) {
        return new InvalidLabelLayoutException("An A4 grid has 1 to " + LabelLayout.MAX_COLUMNS + " columns and 1 to "
                + LabelLayout.MAX_ROWS + " rows, got " + columns + "x" + rows);
    }

    public static InvalidLabelLayoutException codeTooLarge(QrCode code, String layoutName) {
        return new InvalidLabelLayoutException("A version-" + code.version() + " QR symbol ("
                + code.modulesWithQuietZone() + " modules with quiet zone) does not fit layout " + layoutName
                + " at a scannable module size; shorten the URL or lower the error correction");
    }
}
