package org.suyuan.qr;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.ResultPoint;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of label Suyuan prints still decodes, with ZXing and with zbar, after what a phone
 * camera and a messenger do to it: downscaling to 2 pixels per module, Gaussian blur of σ = 1 px,
 * rotation by 15°, and JPEG recompression at quality 50, each on its own. PDFs are rendered at 300
 * dpi, where a 0.5 mm module spans about 6 pixels.
 *
 * <p>2 pixels per module is the sampling limit. Downscaled with module edges on pixel edges (as the
 * reference robustness matrix measured it), every label must decode. With module edges falling
 * mid-pixel zbar misses about one code in seven at exactly 2.0 and none from 2.1 up (measured on
 * bare PNG codes, whatever the error correction), so the arbitrary-phase case is checked at 2.5.
 */
class RobustnessTests {

    private static final double REFERENCE_PIXELS_PER_MODULE = 10;

    /**
     * A rendered label: at {@value TestImages#DPI} dpi with its pixels per module, and again at exactly
     * 10 pixels per module for the aligned downscale; and the text it must decode to.
     */
    record Sample(
            String name, BufferedImage image, double pixelsPerModule, BufferedImage tenPerModule, String expected) {}

    enum Degradation {
        DOWNSCALED_TO_2_PX_PER_MODULE,
        DOWNSCALED_TO_2_5_PX_PER_MODULE_ANY_PHASE,
        GAUSSIAN_BLUR_SIGMA_1_PX,
        ROTATED_15_DEGREES,
        JPEG_QUALITY_50;

        Encoded apply(Sample sample) {
            return switch (this) {
                case DOWNSCALED_TO_2_PX_PER_MODULE -> Encoded.png(alignedDownscale(sample.tenPerModule(), 2));
                case DOWNSCALED_TO_2_5_PX_PER_MODULE_ANY_PHASE ->
                    Encoded.png(TestImages.scale(sample.image(), 2.5 / sample.pixelsPerModule()));
                case GAUSSIAN_BLUR_SIGMA_1_PX -> Encoded.png(TestImages.gaussianBlur(sample.image(), 1.0));
                case ROTATED_15_DEGREES -> Encoded.png(TestImages.rotate(sample.image(), 15));
                case JPEG_QUALITY_50 -> new Encoded(TestImages.jpeg(sample.image(), 0.5f), ".jpg");
            };
        }
    }

    /** Degraded image bytes and the file suffix that names their format (zbarimg goes by it). */
    record Encoded(byte[] bytes, String suffix) {
        static Encoded png(BufferedImage image) {
            return new Encoded(TestImages.png(image), ".png");
        }
    }

    private static final Map<String, List<Sample>> SAMPLES = new ConcurrentHashMap<>();

    static Stream<Arguments> labelsAndDegradations() {
        List<Arguments> arguments = new ArrayList<>();
        for (String kind : List.of(
                "png", "svg", "a4-3x8", "thermal-50x30", "thermal-40x30", "certificate-a5", "certificate-70x50")) {
            for (Degradation degradation : Degradation.values()) {
                arguments.add(Arguments.of(kind, degradation));
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("labelsAndDegradations")
    void decodesWithZxing(String kind, Degradation degradation) {
        QrDecoder decoder = new QrDecoder();
        for (Sample sample : samples(kind)) {
            Encoded degraded = degradation.apply(sample);
            assertThat(decoder.decode(degraded.bytes())).as(sample.name()).isEqualTo(sample.expected());
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("labelsAndDegradations")
    void decodesWithZbar(String kind, Degradation degradation) {
        Zbar.assumeAvailable();
        for (Sample sample : samples(kind)) {
            Encoded degraded = degradation.apply(sample);
            assertThat(Zbar.decode(degraded.bytes(), degraded.suffix()))
                    .as(sample.name())
                    .containsExactly(sample.expected());
        }
    }

    /**
     * Shrinks an image of exactly 10 pixels per module to {@code pixelsPerModule}, cropped first so
     * that module edges land on pixel edges: the symbol's corner is found from ZXing's top-left finder
     * centre, 3.5 modules in.
     */
    static BufferedImage alignedDownscale(BufferedImage tenPerModule, int pixelsPerModule) {
        ResultPoint topLeft = finderPoints(tenPerModule)[1];
        int step = (int) (REFERENCE_PIXELS_PER_MODULE / pixelsPerModule);
        int cornerX = (int) Math.round(topLeft.getX() - 3.5 * REFERENCE_PIXELS_PER_MODULE);
        int cornerY = (int) Math.round(topLeft.getY() - 3.5 * REFERENCE_PIXELS_PER_MODULE);
        int left = Math.floorMod(cornerX, step);
        int top = Math.floorMod(cornerY, step);
        int width = (tenPerModule.getWidth() - left) / step * step;
        int height = (tenPerModule.getHeight() - top) / step * step;
        BufferedImage aligned = TestImages.crop(tenPerModule, left, top, width, height);
        return TestImages.scale(aligned, 1.0 / step);
    }

    private static ResultPoint[] finderPoints(BufferedImage image) {
        try {
            return new QRCodeReader()
                    .decode(
                            new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                            Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                    .getResultPoints();
        } catch (ReaderException e) {
            throw new AssertionError("The undegraded label does not decode", e);
        }
    }

    private static List<Sample> samples(String kind) {
        return SAMPLES.computeIfAbsent(kind, RobustnessTests::render);
    }

    private static List<Sample> render(String kind) {
        double pointsPerThermalDot = 72.0 / LabelLayout.THERMAL_DPI;
        double pointsPerMillimetre = 72 / 25.4;
        return switch (kind) {
            case "png" -> {
                QrContent content = QrFixtures.traceUrl();
                BufferedImage image = TestImages.read(QrPng.render(QrCode.encode(content), 410));
                yield List.of(new Sample(kind, image, 10, image, content.text()));
            }
            case "svg" -> {
                QrContent content = QrFixtures.traceUrl();
                BufferedImage image = TestImages.rasteriseSvg(QrSvg.render(QrCode.encode(content)), 10);
                yield List.of(new Sample(kind, image, 10, image, content.text()));
            }
            case "a4-3x8" -> {
                List<Label> labels = QrFixtures.labels(24);
                byte[] pdf = LabelSheet.render(labels, LabelLayout.A4_3X8);
                double modulePoints = 0.75 * pointsPerMillimetre;
                float tenDpi = tenPixelsPerModuleDpi(modulePoints);
                List<BufferedImage> cells =
                        LabelSheetTests.cells(TestImages.pdfPages(pdf).get(0), LabelLayout.A4_3X8);
                List<BufferedImage> tenCells =
                        LabelSheetTests.cells(TestImages.pdfPages(pdf, tenDpi).get(0), LabelLayout.A4_3X8, tenDpi);
                List<Sample> samples = new ArrayList<>();
                for (int i = 0; i < cells.size(); i++) {
                    samples.add(new Sample(
                            kind + " cell " + i,
                            cells.get(i),
                            TestImages.pixels(modulePoints),
                            tenCells.get(i),
                            labels.get(i).code().content().text()));
                }
                yield samples;
            }
            case "thermal-50x30", "thermal-40x30" -> {
                Label label = QrFixtures.labelWithLongName(QrFixtures.traceCode());
                byte[] pdf = LabelSheet.render(List.of(label), LabelLayout.named(kind));
                yield List.of(pdfSample(
                        kind,
                        pdf,
                        4 * pointsPerThermalDot,
                        label.code().content().text()));
            }
            case "certificate-a5" -> {
                Certificate certificate = QrFixtures.certificate();
                byte[] pdf = CertificatePdf.render(certificate, CertificateFormat.A5);
                yield List.of(pdfSample(
                        kind,
                        pdf,
                        0.8 * pointsPerMillimetre,
                        certificate.code().content().text()));
            }
            case "certificate-70x50" -> {
                Certificate certificate = QrFixtures.certificate();
                byte[] pdf = CertificatePdf.render(certificate, CertificateFormat.LABEL_70X50);
                yield List.of(pdfSample(
                        kind,
                        pdf,
                        4 * pointsPerThermalDot,
                        certificate.code().content().text()));
            }
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static Sample pdfSample(String name, byte[] pdf, double modulePoints, String expected) {
        return new Sample(
                name,
                TestImages.pdfPages(pdf).get(0),
                TestImages.pixels(modulePoints),
                TestImages.pdfPages(pdf, tenPixelsPerModuleDpi(modulePoints)).get(0),
                expected);
    }

    private static float tenPixelsPerModuleDpi(double modulePoints) {
        return (float) (REFERENCE_PIXELS_PER_MODULE * 72 / modulePoints);
    }
}
