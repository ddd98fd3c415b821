package org.suyuan.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One encoded QR symbol, one unit per module, with the quiet zone kept separately so that every
 * renderer scales by whole modules and places the 4-module margin itself.
 *
 * <p>ZXing is asked for the bare symbol (margin 0, size 0) because its own scaling pads odd pixel
 * sizes with extra border and treats the margin hint inconsistently across formats. Pure-ASCII
 * content is encoded without a character-set hint, since that hint adds an ECI header some hardware
 * readers print as garbage; non-ASCII content gets UTF-8, without which ZXing writes {@code ?}.
 *
 * <p>Immutable and thread-safe.
 */
public final class QrCode {

    /** Quiet zone on each side, in modules, as ISO/IEC 18004 requires. */
    public static final int QUIET_ZONE_MODULES = 4;

    private final QrContent content;
    private final ErrorCorrection errorCorrection;
    private final BitMatrix symbol;

    private QrCode(QrContent content, ErrorCorrection errorCorrection, BitMatrix symbol) {
        this.content = content;
        this.errorCorrection = errorCorrection;
        this.symbol = symbol;
    }

    /** Encodes at the default error correction, {@link ErrorCorrection#M}. */
    public static QrCode encode(QrContent content) {
        return encode(content, ErrorCorrection.DEFAULT);
    }

    /**
     * Encodes in the smallest version that holds the content at the given error correction.
     *
     * @throws InvalidQrContentException if no QR version holds it
     */
    public static QrCode encode(QrContent content, ErrorCorrection errorCorrection) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(errorCorrection, "errorCorrection");
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, errorCorrection.zxingLevel());
        hints.put(EncodeHintType.MARGIN, 0);
        if (!content.isAscii()) {
            hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        }
        try {
            BitMatrix symbol = new QRCodeWriter().encode(content.text(), BarcodeFormat.QR_CODE, 0, 0, hints);
            return new QrCode(content, errorCorrection, symbol);
        } catch (WriterException e) {
            throw InvalidQrContentException.doesNotFit(content.text().length(), errorCorrection, e);
        }
    }

    public QrContent content() {
        return content;
    }

    public ErrorCorrection errorCorrection() {
        return errorCorrection;
    }

    /** The QR version, 1–40; a version-v symbol has 17 + 4v modules per side. */
    public int version() {
        return (symbol.getWidth() - 17) / 4;
    }

    /** Modules per side of the symbol itself, without the quiet zone. */
    public int symbolModules() {
        return symbol.getWidth();
    }

    /** Modules per side including the quiet zone on both sides: the square a renderer must keep clear. */
    public int modulesWithQuietZone() {
        return symbol.getWidth() + 2 * QUIET_ZONE_MODULES;
    }

    /**
     * Whether the module at column {@code x}, row {@code y} is dark, counting from the top-left corner
     * of the quiet zone; quiet-zone modules are light.
     */
    public boolean isDark(int x, int y) {
        int sx = x - QUIET_ZONE_MODULES;
        int sy = y - QUIET_ZONE_MODULES;
        return sx >= 0 && sy >= 0 && sx < symbol.getWidth() && sy < symbol.getHeight() && symbol.get(sx, sy);
    }

    /**
     * Calls {@code sink} once per horizontal run of dark modules, row by row from the top, in
     * quiet-zone coordinates. Vector renderers draw one rectangle per run and fill them all at once,
     * which avoids hairline seams between neighbouring modules.
     */
    void forEachDarkRun(RunSink sink) {
        int size = symbol.getWidth();
        for (int y = 0; y < size; y++) {
            int x = 0;
            while (x < size) {
                if (!symbol.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < size && symbol.get(x, y)) {
                    x++;
                }
                sink.run(start + QUIET_ZONE_MODULES, y + QUIET_ZONE_MODULES, x - start);
            }
        }
    }

    @Override
    public String toString() {
        return "QrCode[version " + version() + ", " + errorCorrection + ", " + content + "]";
    }

    /** Receives a horizontal run of dark modules. */
    @FunctionalInterface
    interface RunSink {
        void run(int x, int y, int length);
    }
}
