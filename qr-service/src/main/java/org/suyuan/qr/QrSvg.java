package org.suyuan.qr;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Renders a QR symbol as SVG: one path of horizontal runs in module units, on a white square that
 * includes the quiet zone.
 *
 * <p>Vector output stays sharp at any print size. {@code viewBox} is in modules, so the drawing is
 * exact, and {@code width}/{@code height} give a physical size in millimetres so that a label
 * designer or browser prints it at the intended module size. {@code crispEdges} keeps renderers
 * from anti-aliasing module edges into grey seams. Stateless and thread-safe.
 */
public final class QrSvg {

    /** Default module size: 0.5 mm, within GS1's 0.396–0.990 mm for point-of-sale QR codes. */
    public static final double DEFAULT_MODULE_MILLIMETRES = 0.5;

    private QrSvg() {}

    /** The SVG document at {@value #DEFAULT_MODULE_MILLIMETRES} mm per module. */
    public static String render(QrCode code) {
        return render(code, DEFAULT_MODULE_MILLIMETRES);
    }

    /**
     * The SVG document at the given physical module size.
     *
     * @param moduleMillimetres module size in millimetres, 0.1 to 10
     */
    public static String render(QrCode code, double moduleMillimetres) {
        if (!(moduleMillimetres >= 0.1 && moduleMillimetres <= 10)) {
            throw new IllegalArgumentException("Module size must be 0.1 to 10 mm, got " + moduleMillimetres);
        }
        int size = code.modulesWithQuietZone();
        String side = BigDecimal.valueOf(size * moduleMillimetres)
                        .setScale(3, RoundingMode.HALF_UP)
                        .stripTrailingZeros()
                        .toPlainString()
                + "mm";
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 ")
                .append(size)
                .append(' ')
                .append(size)
                .append("\" width=\"")
                .append(side)
                .append("\" height=\"")
                .append(side)
                .append("\" shape-rendering=\"crispEdges\">\n")
                .append("<rect width=\"")
                .append(size)
                .append("\" height=\"")
                .append(size)
                .append("\" fill=\"#fff\"/>\n")
                .append("<path fill=\"#000\" d=\"");
        code.forEachDarkRun((x, y, length) -> svg.append('M')
                .append(x)
                .append(' ')
                .append(y)
                .append('h')
                .append(length)
                .append("v1h-")
                .append(length)
                .append('z'));
        svg.append("\"/>\n</svg>\n");
        return svg.toString();
    }
}
