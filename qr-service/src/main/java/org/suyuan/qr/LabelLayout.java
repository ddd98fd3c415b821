package org.suyuan.qr;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where labels go on the page: a grid of labels on A4 sheet stock, or one label per page for a
 * thermal label printer.
 *
 * <p>Thermal layouts are measured in whole printer dots at 203 dpi (the page, the QR position and
 * each module), because a thermal head cannot print part of a dot: a 0.5 mm module would otherwise
 * come out as 3 or 5 dots at random. A 50 mm label is therefore 400 dots, 50.05 mm. A4 grids are
 * meant for office laser printers, whose resolution is fine enough not to need that.
 *
 * <p>Names, as used in the API's {@code layout} parameter: {@code a4-3x8} (3 columns, 8 rows, the
 * common 70 × 37 mm sheet; any {@code a4-{columns}x{rows}} within limits), {@code thermal-50x30},
 * {@code thermal-40x30}.
 */
public final class LabelLayout {

    /** Limits of an A4 grid; denser grids leave no room for a scannable code and readable text. */
    public static final int MAX_COLUMNS = 5;

    public static final int MAX_ROWS = 13;

    /** Dots per inch of the common thermal label printers (TSC, Zebra, Xprinter, Gprinter). */
    public static final int THERMAL_DPI = 203;

    /** The usual A4 label sheet: 3 columns × 8 rows of 70 × 37.1 mm. */
    public static final LabelLayout A4_3X8 = a4Grid(3, 8);

    /** One 50 × 30 mm thermal label per page. */
    public static final LabelLayout THERMAL_50X30 = thermal(50, 30);

    /** One 40 × 30 mm thermal label per page. */
    public static final LabelLayout THERMAL_40X30 = thermal(40, 30);

    private static final float POINTS_PER_MILLIMETRE = 72f / 25.4f;
    private static final float A4_WIDTH_MM = 210;
    private static final float A4_HEIGHT_MM = 297;
    private static final Pattern A4_NAME = Pattern.compile("a4-(\\d{1,2})x(\\d{1,2})");

    private final String name;
    private final int columns;
    private final int rows;
    private final float pageWidth;
    private final float pageHeight;
    private final boolean thermal;

    private LabelLayout(String name, int columns, int rows, float pageWidth, float pageHeight, boolean thermal) {
        this.name = name;
        this.columns = columns;
        this.rows = rows;
        this.pageWidth = pageWidth;
        this.pageHeight = pageHeight;
        this.thermal = thermal;
    }

    /**
     * A4 sheet stock cut into equal labels edge to edge, {@code columns} across and {@code rows} down.
     *
     * @throws InvalidLabelLayoutException outside 1–{@value #MAX_COLUMNS} columns or 1–{@value
     *     #MAX_ROWS} rows
     */
    public static LabelLayout a4Grid(int columns, int rows) {
        if (columns < 1 || columns > MAX_COLUMNS || rows < 1 || rows > MAX_ROWS) {
            throw InvalidLabelLayoutException.gridOutOfRange(columns, rows);
        }
        return new LabelLayout(
                "a4-" + columns + "x" + rows,
                columns,
                rows,
                A4_WIDTH_MM * POINTS_PER_MILLIMETRE,
                A4_HEIGHT_MM * POINTS_PER_MILLIMETRE,
                false);
    }

    /**
     * The layout with this name ({@code a4-3x8}, {@code a4-{columns}x{rows}}, {@code thermal-50x30},
     * {@code thermal-40x30}), case-insensitive.
     *
     * @throws InvalidLabelLayoutException for any other name
     */
    public static LabelLayout named(String name) {
        String key = Objects.requireNonNullElse(name, "").strip().toLowerCase(Locale.ROOT);
        if (key.equals(THERMAL_50X30.name)) {
            return THERMAL_50X30;
        }
        if (key.equals(THERMAL_40X30.name)) {
            return THERMAL_40X30;
        }
        Matcher a4 = A4_NAME.matcher(key);
        if (a4.matches()) {
            return a4Grid(Integer.parseInt(a4.group(1)), Integer.parseInt(a4.group(2)));
        }
        throw InvalidLabelLayoutException.unknownName(name);
    }

    private static LabelLayout thermal(int widthMm, int heightMm) {
        return new LabelLayout(
                "thermal-" + widthMm + "x" + heightMm,
                1,
                1,
                dotsToPoints(millimetresToDots(widthMm)),
                dotsToPoints(millimetresToDots(heightMm)),
                true);
    }

    /** The name this layout is asked for by. */
    public String name() {
        return name;
    }

    public int columns() {
        return columns;
    }

    public int rows() {
        return rows;
    }

    public int labelsPerPage() {
        return columns * rows;
    }

    /** Page width in PDF points (1/72 inch). */
    public float pageWidthPoints() {
        return pageWidth;
    }

    /** Page height in PDF points (1/72 inch). */
    public float pageHeightPoints() {
        return pageHeight;
    }

    /** Width of one label in PDF points. */
    public float labelWidthPoints() {
        return pageWidth / columns;
    }

    /** Height of one label in PDF points. */
    public float labelHeightPoints() {
        return pageHeight / rows;
    }

    /** Whether this layout is measured in whole dots of a {@value #THERMAL_DPI} dpi thermal printer. */
    public boolean isThermal() {
        return thermal;
    }

    @Override
    public String toString() {
        return name;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LabelLayout layout && layout.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    static int millimetresToDots(float millimetres) {
        return Math.round(millimetres / 25.4f * THERMAL_DPI);
    }

    static float dotsToPoints(int dots) {
        return dots * 72f / THERMAL_DPI;
    }

    static float millimetresToPoints(float millimetres) {
        return millimetres * POINTS_PER_MILLIMETRE;
    }
}
