package org.suyuan.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suyuan.code.CodeJourneyTests.BASE_URL;
import static org.suyuan.code.CodeJourneyTests.grouped;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.suyuan.ApiClient;
import org.suyuan.db.TestDatabases;
import org.suyuan.qr.LabelLayout;
import tools.jackson.databind.JsonNode;

/**
 * Issue 3 is done when the demo batch's QR PNG and its A4 and thermal label PDFs decode with ZXing and zbarimg to
 * its {@code /t/{code}} URL, its 合格证 decodes too, and its product's GS1 Digital Link resolves to the same code.
 * This runs the demo data exactly as a trial installation loads it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "suyuan.demo.enabled=true")
@ActiveProfiles("test")
class DemoCodesTests {

    @LocalServerPort
    int port;

    ApiClient farmer;
    long batchId;
    String traceUrl;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        // Its own database: the demo loads only into an empty one.
        registry.add("spring.datasource.url", () -> TestDatabases.h2("demo_codes"));
    }

    @BeforeEach
    void demoBatch() {
        farmer = ApiClient.anonymous(port).as("farmer", "suyuan-demo");
        batchId = batchId("QYJ-2026-001");
        JsonNode codes =
                farmer.get("/api/v1/batches/" + batchId + "/codes").json().path("content");
        traceUrl = BASE_URL + "/t/" + codes.get(0).path("code").asText();
    }

    @Test
    void theDemoBatchHasItsTraceCodeAndAFewSerials() {
        JsonNode codes =
                farmer.get("/api/v1/batches/" + batchId + "/codes").json().path("content");

        assertThat(codes).hasSize(7);
        assertThat(codes.get(0).path("kind").asText()).isEqualTo("BATCH");
        assertThat(codes.findValuesAsString("kind").subList(1, 7)).containsOnly("ITEM");
        assertThat(codes.findValuesAsString("status")).containsOnly("ACTIVE");
    }

    @Test
    void theDemoBatchsQrPngDecodesToItsTraceUrl() {
        ApiClient.BinaryResponse png = ApiClient.anonymous(port)
                .getBytes("/api/v1/codes/" + traceUrl.substring(traceUrl.lastIndexOf('/') + 1) + "/qr.png");

        assertThat(png.status()).isEqualTo(200);
        assertThat(LabelImages.zxing(png.body())).isEqualTo(traceUrl);
        Zbar.assumeAvailable();
        assertThat(Zbar.decode(png.body())).containsExactly(traceUrl);
    }

    @Test
    void everyLabelOfTheDemoBatchsA4SheetDecodesToItsTraceUrl() {
        byte[] pdf = farmer.getBytes("/api/v1/batches/" + batchId + "/labels.pdf?layout=a4-3x8")
                .body();

        List<BufferedImage> pages = LabelImages.pages(pdf);
        assertThat(pages).hasSize(1);
        List<BufferedImage> labels = LabelImages.labels(pages.get(0), LabelLayout.A4_3X8);
        assertThat(labels).hasSize(24);
        for (BufferedImage label : labels) {
            assertThat(LabelImages.zxing(label)).isEqualTo(traceUrl);
        }
        // A long producer name is cut to the label's width, with an ellipsis.
        assertThat(LabelImages.text(pdf)).contains("番茄（粉冠一号）", "QYJ-2026-001", "芜湖市湾沚区青弋江蔬");
        Zbar.assumeAvailable();
        for (BufferedImage label : labels) {
            assertThat(Zbar.decode(label)).containsExactly(traceUrl);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"thermal-50x30", "thermal-40x30"})
    void theDemoBatchsThermalLabelDecodesToItsTraceUrl(String layout) {
        byte[] pdf = farmer.getBytes("/api/v1/batches/" + batchId + "/labels.pdf?layout=" + layout)
                .body();

        List<BufferedImage> pages = LabelImages.pages(pdf);
        assertThat(pages).hasSize(1);
        assertThat(LabelImages.zxing(pages.get(0))).isEqualTo(traceUrl);
        Zbar.assumeAvailable();
        assertThat(Zbar.decode(pages.get(0))).containsExactly(traceUrl);
    }

    @Test
    void theDemoBatchsSerialLabelsDecodeToTheirOwnUrls() {
        JsonNode codes =
                farmer.get("/api/v1/batches/" + batchId + "/codes").json().path("content");
        byte[] pdf = farmer.getBytes("/api/v1/batches/" + batchId + "/labels.pdf?serials=true&layout=thermal-50x30")
                .body();

        List<BufferedImage> pages = LabelImages.pages(pdf);
        assertThat(pages).hasSize(6);
        for (int i = 0; i < pages.size(); i++) {
            String serial = codes.get(i + 1).path("code").asText();
            assertThat(LabelImages.zxing(pages.get(i))).isEqualTo(BASE_URL + "/t/" + serial);
        }
    }

    @Test
    void theDemoBatchsCertificateShowsItsFieldsAndDecodes() {
        byte[] pdf = farmer.getBytes("/api/v1/batches/" + batchId + "/certificate.pdf")
                .body();

        String code = traceUrl.substring(traceUrl.lastIndexOf('/') + 1);
        assertThat(LabelImages.text(pdf))
                .contains(
                        "承诺达标合格证", "番茄（粉冠一号）", "3200千克", "安徽省芜湖市湾沚区", "芜湖市湾沚区青弋江蔬菜专业合作社", "13955312345", grouped(code));
        BufferedImage page = LabelImages.pages(pdf).get(0);
        assertThat(LabelImages.zxing(page)).isEqualTo(traceUrl);
        Zbar.assumeAvailable();
        assertThat(Zbar.decode(page)).containsExactly(traceUrl);
    }

    @Test
    void theDemoProductsDigitalLinkResolvesToTheSameCode() {
        ApiClient anonymous = ApiClient.anonymous(port).accepting(MediaType.APPLICATION_JSON_VALUE);

        JsonNode resolved = anonymous.get("/01/06901234567892/10/QYJ-2026-001").json();

        assertThat(resolved.path("url").asText()).isEqualTo(traceUrl);
        assertThat(anonymous.get("/01/06901234567893/10/QYJ-2026-001").status()).isEqualTo(400);
    }

    @Test
    void theGrowingDemoBatchGetsNoCertificateYet() {
        ApiClient.Response refused = farmer.get("/api/v1/batches/" + batchId("QYJ-2026-002") + "/certificate.pdf");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("rule").asText()).isEqualTo("nothing-harvested");
    }

    private long batchId(String batchNumber) {
        for (JsonNode batch : farmer.get("/api/v1/batches?size=50").json().path("content")) {
            if (batch.path("batchNumber").asText().equals(batchNumber)) {
                return batch.path("id").asLong();
            }
        }
        throw new AssertionError("No demo batch " + batchNumber);
    }
}
