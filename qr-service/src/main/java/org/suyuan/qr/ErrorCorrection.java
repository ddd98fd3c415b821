package org.suyuan.qr;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * How much of a QR symbol may be lost and still read. Our own type so that callers and the API
 * never see ZXing's, and so that level L, too weak for labels handled in fields and markets, cannot
 * be chosen.
 */
public enum ErrorCorrection {
    /** About 15 % recoverable: the default, for clean paper and thermal labels indoors. */
    M(ErrorCorrectionLevel.M),
    /** About 25 %: crates, cold chain, labels that get wet or scuffed; costs about one symbol version. */
    Q(ErrorCorrectionLevel.Q),
    /** About 30 %: only when a logo is printed over the symbol. */
    H(ErrorCorrectionLevel.H);

    /** The level used when a caller does not choose. */
    public static final ErrorCorrection DEFAULT = M;

    private final ErrorCorrectionLevel zxingLevel;

    ErrorCorrection(ErrorCorrectionLevel zxingLevel) {
        this.zxingLevel = zxingLevel;
    }

    ErrorCorrectionLevel zxingLevel() {
        return zxingLevel;
    }
}
