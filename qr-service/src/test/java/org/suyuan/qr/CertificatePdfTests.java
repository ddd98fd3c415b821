package org.suyuan.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CertificatePdfTests {

    private static final List<String> REQUIRED_CAPTIONS =
            List.of("承诺达标合格证", "产品名称", "数量（重量）", "产地", "开具日期", "承诺主体", "联系方式");

    @ParameterizedTest
    @EnumSource(CertificateFormat.class)
    void showsEveryRequiredItemThePromiseAndAllThreeBases(CertificateFormat format) {
        Certificate certificate = QrFixtures.certificate();
        String text = PdfGlyphs.compactText(CertificatePdf.render(certificate, format));
        assertThat(text).contains(REQUIRED_CAPTIONS);
        assertThat(text)
                .contains(
                        "寿光番茄（有机）",
                        "500公斤",
                        "安徽省芜湖市湾沚区六郎镇",
                        "2026-02-01",
                        "芜湖市湾沚区绿源蔬菜专业合作社",
                        "0553-1234567",
                        certificate.code().text());
        assertThat(text).contains(Certificate.COMMITMENT);
        assertThat(text).contains("质量安全控制符合要求", "自行检测合格", "委托检测合格");
    }

    @ParameterizedTest
    @EnumSource(CertificateFormat.class)
    void printsTheWidestTraceCodeWhole(CertificateFormat format) {
        Certificate widest = new Certificate(
                PrintedCode.forTraceCode(QrFixtures.BASE_URL, QrFixtures.widestTraceCode()),
                "番茄",
                "1000千克",
                "安徽省芜湖市湾沚区",
                LocalDate.of(2026, 11, 26),
                "测试合作社MANJFC95",
                "13900000000",
                EnumSet.allOf(CertificateBasis.class));

        String text = PdfGlyphs.compactText(CertificatePdf.render(widest, format));

        assertThat(text).contains(widest.code().text());
    }

    @ParameterizedTest
    @EnumSource(CertificateFormat.class)
    void setsTheTitleInTheLargestType(CertificateFormat format) {
        List<PdfGlyphs.Glyph> glyphs = PdfGlyphs.glyphs(CertificatePdf.render(QrFixtures.certificate(), format));
        float titleSize = glyphs.stream()
                .filter(glyph -> glyph.text().equals("证"))
                .map(PdfGlyphs.Glyph::fontSize)
                .max(Float::compare)
                .orElseThrow();
        float largestOther = glyphs.stream()
                .filter(glyph -> glyph.fontSize() < titleSize)
                .map(PdfGlyphs.Glyph::fontSize)
                .max(Float::compare)
                .orElseThrow();
        assertThat(titleSize).isGreaterThanOrEqualTo(largestOther * 1.5f);
        // And at the top of the page.
        float titleTop = glyphs.stream()
                .filter(glyph -> glyph.fontSize() == titleSize)
                .map(PdfGlyphs.Glyph::baseline)
                .min(Float::compare)
                .orElseThrow();
        assertThat(glyphs.stream().map(PdfGlyphs.Glyph::top).min(Float::compare).orElseThrow())
                .isGreaterThanOrEqualTo(titleTop - titleSize * 1.2f);
    }

    @ParameterizedTest
    @EnumSource(CertificateFormat.class)
    void qrCodeDecodesToTheTraceUrlWithZxingAndZbar(CertificateFormat format) {
        Certificate certificate = QrFixtures.certificate();
        BufferedImage page =
                TestImages.pdfPages(CertificatePdf.render(certificate, format)).get(0);
        String url = certificate.code().content().text();
        assertThat(new QrDecoder().decode(TestImages.png(page))).isEqualTo(url);
        Zbar.assumeAvailable();
        assertThat(Zbar.decode(page)).containsExactly(url);
    }

    @Test
    void printsOnA5AndOnASeventyByFiftyLabelInWholeDots() throws IOException {
        try (PDDocument a5 = Loader.loadPDF(CertificatePdf.render(QrFixtures.certificate(), CertificateFormat.A5))) {
            assertThat(a5.getNumberOfPages()).isEqualTo(1);
            PDRectangle box = a5.getPage(0).getMediaBox();
            assertThat(box.getWidth()).isEqualTo(PDRectangle.A5.getWidth());
            assertThat(box.getHeight()).isEqualTo(PDRectangle.A5.getHeight());
        }
        try (PDDocument label =
                Loader.loadPDF(CertificatePdf.render(QrFixtures.certificate(), CertificateFormat.LABEL_70X50))) {
            PDRectangle box = label.getPage(0).getMediaBox();
            assertThat(box.getWidth() * 203 / 72).isCloseTo(559, org.assertj.core.data.Offset.offset(0.01f));
            assertThat(box.getHeight() * 203 / 72).isCloseTo(400, org.assertj.core.data.Offset.offset(0.01f));
        }
    }

    @ParameterizedTest
    @EnumSource(CertificateFormat.class)
    void keepsLongValuesOnThePageAndStillDecodes(CertificateFormat format) {
        Certificate certificate = QrFixtures.certificateWithLongValues();
        byte[] pdf = CertificatePdf.render(certificate, format);
        float width;
        float height;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            width = document.getPage(0).getMediaBox().getWidth();
            height = document.getPage(0).getMediaBox().getHeight();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        float margin = format == CertificateFormat.A5 ? 9.2f * 72 / 25.4f : 2;
        for (PdfGlyphs.Glyph glyph : PdfGlyphs.glyphs(pdf)) {
            assertThat(glyph.left()).as(glyph.toString()).isGreaterThan(margin);
            assertThat(glyph.right()).as(glyph.toString()).isLessThan(width - margin);
            assertThat(glyph.top()).as(glyph.toString()).isGreaterThan(margin);
            assertThat(glyph.baseline()).as(glyph.toString()).isLessThan(height - margin);
        }
        String text = PdfGlyphs.compactText(pdf);
        assertThat(text).contains(Certificate.COMMITMENT).contains(REQUIRED_CAPTIONS);
        assertThat(new QrDecoder()
                        .decode(TestImages.png(TestImages.pdfPages(pdf).get(0))))
                .isEqualTo(certificate.code().content().text());
    }

    @Test
    void refusesACertificateWithoutARequiredItem() {
        PrintedCode code = PrintedCode.forTraceCode(QrFixtures.BASE_URL, QrFixtures.traceCode());
        LocalDate date = LocalDate.of(2026, 2, 1);
        Set<CertificateBasis> basis = EnumSet.of(CertificateBasis.SELF_TESTED);
        assertThatThrownBy(() -> new Certificate(null, "番茄", "1 kg", "芜湖", date, "社", "1", basis))
                .isInstanceOf(InvalidCertificateException.class);
        assertThatThrownBy(() -> new Certificate(code, " ", "1 kg", "芜湖", date, "社", "1", basis))
                .isInstanceOf(InvalidCertificateException.class)
                .hasMessageContaining("产品名称");
        assertThatThrownBy(() -> new Certificate(code, "番茄", null, "芜湖", date, "社", "1", basis))
                .hasMessageContaining("数量");
        assertThatThrownBy(() -> new Certificate(code, "番茄", "1 kg", "", date, "社", "1", basis))
                .hasMessageContaining("产地");
        assertThatThrownBy(() -> new Certificate(code, "番茄", "1 kg", "芜湖", null, "社", "1", basis))
                .hasMessageContaining("开具日期");
        assertThatThrownBy(() -> new Certificate(code, "番茄", "1 kg", "芜湖", date, null, "1", basis))
                .hasMessageContaining("承诺主体");
        assertThatThrownBy(() -> new Certificate(code, "番茄", "1 kg", "芜湖", date, "社", "\t", basis))
                .hasMessageContaining("联系方式");
        assertThatThrownBy(() -> new Certificate(code, "番".repeat(51), "1 kg", "芜湖", date, "社", "1", basis))
                .isInstanceOf(InvalidCertificateException.class)
                .hasMessageContaining("longer than 50");
    }

    @Test
    void refusesACertificateWithoutABasis() {
        PrintedCode code = PrintedCode.forTraceCode(QrFixtures.BASE_URL, QrFixtures.traceCode());
        LocalDate date = LocalDate.of(2026, 2, 1);
        Set<CertificateBasis> withNull = new HashSet<>();
        withNull.add(null);
        for (Set<CertificateBasis> basis : List.of(Set.<CertificateBasis>of(), withNull)) {
            assertThatThrownBy(() -> new Certificate(code, "番茄", "1 kg", "芜湖", date, "社", "1", basis))
                    .isInstanceOf(InvalidCertificateException.class)
                    .hasMessageContaining("basis");
        }
        assertThatThrownBy(() -> new Certificate(code, "番茄", "1 kg", "芜湖", date, "社", "1", null))
                .isInstanceOf(InvalidCertificateException.class);
    }

    @Test
    void keepsItsOwnCopyOfTheBasis() {
        Set<CertificateBasis> basis = new HashSet<>(Set.of(CertificateBasis.SELF_TESTED));
        Certificate certificate = QrFixtures.certificate(basis);
        basis.add(CertificateBasis.COMMISSIONED_TEST);
        assertThat(certificate.basis()).containsExactly(CertificateBasis.SELF_TESTED);
        assertThatThrownBy(() -> certificate.basis().add(CertificateBasis.QUALITY_CONTROL))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void ticksOnlyTheChosenBases() {
        // Rendered pixels inside each tick box: a ticked box has far more ink than an empty one.
        byte[] none = CertificatePdf.render(
                QrFixtures.certificate(EnumSet.of(CertificateBasis.QUALITY_CONTROL)), CertificateFormat.A5);
        byte[] all = CertificatePdf.render(
                QrFixtures.certificate(EnumSet.allOf(CertificateBasis.class)), CertificateFormat.A5);
        assertThat(ink(TestImages.pdfPages(all).get(0)))
                .isGreaterThan(ink(TestImages.pdfPages(none).get(0)));
    }

    private static long ink(BufferedImage image) {
        long dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFF) < 128) {
                    dark++;
                }
            }
        }
        return dark;
    }
}
