package org.suyuan.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QrCodeTests {

    @Test
    void traceUrlWithATwentyFiveCharacterHostFitsVersionFourAtM() {
        assertThat(QrFixtures.BASE_URL.substring("https://".length())).hasSize(25);
        QrContent content = QrFixtures.traceUrl();
        assertThat(content.text()).hasSize(53).hasSizeLessThanOrEqualTo(62);
        assertThat(QrCode.encode(content).version()).isEqualTo(4);
        assertThat(QrCode.encode(content).symbolModules()).isEqualTo(33);
    }

    @Test
    void hostsUpToThirtyFourCharactersStayAtVersionFour() {
        TraceCode code = QrFixtures.traceCode();
        String host34 = "a".repeat(30) + ".com";
        assertThat(QrCode.encode(QrContent.traceUrl("https://" + host34, code)).version())
                .isEqualTo(4);
        assertThat(QrCode.encode(QrContent.traceUrl("https://a" + host34, code)).version())
                .isEqualTo(5);
    }

    @Test
    void higherErrorCorrectionCostsVersions() {
        QrContent content = QrFixtures.traceUrl();
        assertThat(QrCode.encode(content, ErrorCorrection.Q).version()).isEqualTo(5);
        assertThat(QrCode.encode(content, ErrorCorrection.H).version()).isEqualTo(6);
        assertThat(QrCode.encode(content, ErrorCorrection.H).errorCorrection()).isEqualTo(ErrorCorrection.H);
    }

    @Test
    void keepsAFourModuleQuietZoneOfLightModules() {
        QrCode code = QrCode.encode(QrFixtures.traceUrl());
        int size = code.modulesWithQuietZone();
        assertThat(size).isEqualTo(code.symbolModules() + 8);
        for (int i = 0; i < size; i++) {
            for (int q = 0; q < QrCode.QUIET_ZONE_MODULES; q++) {
                assertThat(code.isDark(i, q)).isFalse();
                assertThat(code.isDark(q, i)).isFalse();
                assertThat(code.isDark(i, size - 1 - q)).isFalse();
                assertThat(code.isDark(size - 1 - q, i)).isFalse();
            }
        }
        // The top-left finder pattern starts right inside the quiet zone.
        assertThat(code.isDark(4, 4)).isTrue();
        assertThat(code.isDark(10, 10)).isTrue();
    }

    @Test
    void encodesAsciiUrlsWithoutAnEciHeader() {
        Result result = decodeRaw(QrCode.encode(QrFixtures.traceUrl()));
        assertThat(result.getText()).isEqualTo(QrFixtures.traceUrl().text());
        // First 4 bits of the data: 0100 is byte mode; 0111 would be an ECI header.
        assertThat((result.getRawBytes()[0] >> 4) & 0xF).isEqualTo(0b0100);
    }

    @Test
    void encodesChineseAsUtf8WithAnEciHeader() {
        QrContent content = QrContent.of("产地：安徽省芜湖市");
        QrCode code = QrCode.encode(content);
        Result result = decodeRaw(code);
        assertThat(result.getText()).isEqualTo(content.text());
        assertThat((result.getRawBytes()[0] >> 4) & 0xF).isEqualTo(0b0111);
        Zbar.assumeAvailable();
        assertThat(Zbar.decode(QrPng.image(code, 8))).containsExactly(content.text());
    }

    @Test
    void buildsTraceUrlsOnAnyBaseUrlShape() {
        TraceCode code = QrFixtures.traceCode();
        assertThat(QrContent.traceUrl("https://a.cn/", code).text()).isEqualTo("https://a.cn/t/" + code);
        assertThat(QrContent.traceUrl(" http://a.cn:8080/suyuan// ", code).text())
                .isEqualTo("http://a.cn:8080/suyuan/t/" + code);
        DigitalLink link = DigitalLink.forItem(Gtin.parse("06901234567892"), "B1", code.value());
        assertThat(QrContent.digitalLink("https://a.cn", link).text())
                .isEqualTo("https://a.cn/01/06901234567892/10/B1/21/" + code);
    }

    @Test
    void rejectsBaseUrlsConsumersCannotOpen() {
        TraceCode code = QrFixtures.traceCode();
        for (String bad : new String[] {
            null,
            "",
            "a.cn",
            "/relative",
            "ftp://a.cn",
            "https://",
            "https://a.cn?x=1",
            "https://a.cn#f",
            "https://u@a.cn"
        }) {
            assertThatThrownBy(() -> QrContent.traceUrl(bad, code))
                    .as(String.valueOf(bad))
                    .isInstanceOf(InvalidQrContentException.class);
        }
    }

    @Test
    void rejectsEmptyAndOverlongContent() {
        assertThatThrownBy(() -> QrContent.of("")).isInstanceOf(InvalidQrContentException.class);
        assertThatThrownBy(() -> QrContent.of("x".repeat(QrContent.MAX_LENGTH + 1)))
                .isInstanceOf(InvalidQrContentException.class);
        assertThat(QrCode.encode(QrContent.of("x".repeat(QrContent.MAX_LENGTH)), ErrorCorrection.H)
                        .version())
                .isBetween(10, 40);
    }

    private static Result decodeRaw(QrCode code) {
        try {
            return new QRCodeReader()
                    .decode(
                            new BinaryBitmap(
                                    new HybridBinarizer(new BufferedImageLuminanceSource(QrPng.image(code, 6)))),
                            Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
