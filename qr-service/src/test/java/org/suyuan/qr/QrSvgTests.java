package org.suyuan.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;

class QrSvgTests {

    @Test
    void isWellFormedSvgWithAModuleViewBoxAndPhysicalSize() throws Exception {
        QrCode code = QrCode.encode(QrFixtures.traceUrl());
        String svg = QrSvg.render(code);
        Document document = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        var root = document.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("svg");
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 41 41");
        assertThat(root.getAttribute("width")).isEqualTo("20.5mm");
        assertThat(root.getAttribute("shape-rendering")).isEqualTo("crispEdges");
        assertThat(document.getElementsByTagName("path").getLength()).isEqualTo(1);
        assertThat(QrSvg.render(code, 0.65)).contains("width=\"26.65mm\"");
    }

    @Test
    void drawsExactlyTheDarkModules() {
        QrCode code = QrCode.encode(QrFixtures.traceUrl());
        BufferedImage image = TestImages.rasteriseSvg(QrSvg.render(code), 1);
        for (int y = 0; y < code.modulesWithQuietZone(); y++) {
            for (int x = 0; x < code.modulesWithQuietZone(); x++) {
                boolean dark = (image.getRGB(x, y) & 0xFFFFFF) == 0;
                assertThat(dark).isEqualTo(code.isDark(x, y));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ErrorCorrection.class)
    void rasterisedDecodesWithZxingAndZbar(ErrorCorrection errorCorrection) {
        QrContent content = QrFixtures.traceUrl();
        BufferedImage image = TestImages.rasteriseSvg(QrSvg.render(QrCode.encode(content, errorCorrection)), 6);
        assertThat(new QrDecoder().decode(TestImages.png(image))).isEqualTo(content.text());
        Zbar.assumeAvailable();
        assertThat(Zbar.decode(image)).containsExactly(content.text());
    }

    @Test
    void rejectsAbsurdModuleSizes() {
        QrCode code = QrCode.encode(QrFixtures.traceUrl());
        assertThatThrownBy(() -> QrSvg.render(code, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QrSvg.render(code, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
