package org.suyuan.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class QrPngTests {

    private final QrDecoder decoder = new QrDecoder();

    @ParameterizedTest
    @ValueSource(ints = {64, 100, 164, 200, 333, 410, 1000, 2048})
    void usesTheLargestWholeModuleThatFitsTheRequestedSize(int size) {
        QrCode code = QrCode.encode(QrFixtures.traceUrl());
        BufferedImage image = TestImages.read(QrPng.render(code, size));
        int module = size / 41;
        assertThat(QrPng.moduleSizePixels(code, size)).isEqualTo(module);
        assertThat(image.getWidth()).isEqualTo(41 * module).isLessThanOrEqualTo(size);
        assertThat(image.getHeight()).isEqualTo(image.getWidth());
    }

    @Test
    void drawsEveryModuleAsAFullSquareOfOnePixelValueWithAQuietZone() {
        QrCode code = QrCode.encode(QrFixtures.traceUrl());
        int module = 7;
        BufferedImage image = TestImages.read(QrPng.render(code, 41 * module));
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                boolean dark = (image.getRGB(x, y) & 0xFFFFFF) == 0;
                boolean white = (image.getRGB(x, y) & 0xFFFFFF) == 0xFFFFFF;
                assertThat(dark || white)
                        .as("pixel %d,%d is pure black or white", x, y)
                        .isTrue();
                assertThat(dark).isEqualTo(code.isDark(x / module, y / module));
            }
        }
    }

    @Test
    void isAOneBitPngSmallEnoughToServeFreely() {
        byte[] png = QrPng.render(QrCode.encode(QrFixtures.traceUrl()), 400);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(TestImages.read(png).getColorModel().getPixelSize()).isEqualTo(1);
        assertThat(png.length).isLessThan(2_000);
    }

    @ParameterizedTest
    @EnumSource(ErrorCorrection.class)
    void decodesWithZxingAtEveryErrorCorrection(ErrorCorrection errorCorrection) {
        QrContent content = QrFixtures.traceUrl();
        byte[] png = QrPng.render(QrCode.encode(content, errorCorrection), 300);
        assertThat(decoder.decode(png)).isEqualTo(content.text());
    }

    @ParameterizedTest
    @EnumSource(ErrorCorrection.class)
    void decodesWithZbarAtEveryErrorCorrection(ErrorCorrection errorCorrection) {
        Zbar.assumeAvailable();
        QrContent content = QrFixtures.traceUrl();
        byte[] png = QrPng.render(QrCode.encode(content, errorCorrection), 300);
        assertThat(Zbar.decode(png, ".png")).containsExactly(content.text());
    }

    @Test
    void decodesManyDifferentCodesWithBothDecoders() {
        for (TraceCode code : QrFixtures.traceCodes(20)) {
            QrContent content = QrContent.traceUrl(QrFixtures.BASE_URL, code);
            byte[] png = QrPng.render(QrCode.encode(content), 200);
            assertThat(decoder.decode(png)).isEqualTo(content.text());
            assertThat(TraceCode.fromTraceUrl(decoder.decode(png))).contains(code);
        }
        Zbar.assumeAvailable();
        for (TraceCode code : QrFixtures.traceCodes(20)) {
            QrContent content = QrContent.traceUrl(QrFixtures.BASE_URL, code);
            assertThat(Zbar.decode(QrPng.render(QrCode.encode(content), 200), ".png"))
                    .containsExactly(content.text());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 63, 2049, 100_000})
    void rejectsSizesOutsideTheRange(int size) {
        QrCode code = QrCode.encode(QrFixtures.traceUrl());
        assertThatThrownBy(() -> QrPng.render(code, size))
                .isInstanceOf(ImageSizeOutOfRangeException.class)
                .hasMessageContaining("between 64 and 2048");
    }

    @Test
    void rejectsASizeTooSmallForTheSymbol() {
        QrCode large = QrCode.encode(QrContent.of("x".repeat(250)), ErrorCorrection.H);
        assertThat(large.modulesWithQuietZone()).isGreaterThan(64);
        assertThatThrownBy(() -> QrPng.render(large, 64))
                .isInstanceOf(ImageSizeOutOfRangeException.class)
                .hasMessageContaining("cannot hold");
    }
}
