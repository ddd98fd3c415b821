package org.suyuan.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.suyuan.ApiClient;
import org.suyuan.TestAccounts;
import org.suyuan.TestClockConfiguration;
import org.suyuan.account.AccountService;
import org.suyuan.archive.SupplyChainFixtures;
import org.suyuan.archive.SupplyChainFixtures.Member;
import org.suyuan.db.account.UserAccountRepository;
import org.suyuan.verification.VerificationFixtures.TracedBatch;
import org.suyuan.web.PageClient;
import tools.jackson.databind.JsonNode;

/**
 * Goods that change hands on Suyuan stay what they are: a consumer scanning the code of a collector or a market sees
 * the farm's product, variety and origin, verified, and the market as the seller. Only processing makes a new
 * product.
 */
@Import(TestClockConfiguration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReceivedGoodsScanTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    UserAccountRepository users;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient admin;

    @BeforeEach
    void administrator() {
        admin = TestAccounts.administrator(port, accounts, users);
    }

    @Test
    void aScanOfTheMarketsCodeShowsTheFarmsProductVarietyAndOriginVerified() {
        SupplyChainFixtures.Chain chain = SupplyChainFixtures.farmToCollectorToMarket(admin, port);
        // The market has products of its own; none of them may end up on the tomatoes it received.
        chain.market().client().post("/api/v1/products", Map.of("name", "绿茶", "category", "TEA", "variety", "南陵雾芽"));
        String code = SupplyChainFixtures.traceCode(chain.market(), chain.marketBatch());
        VerificationFixtures.awaitAnchored(
                jdbc,
                List.of(
                        new TracedBatch(chain.farmBatch(), chain.farmBatchNumber(), null),
                        new TracedBatch(chain.collectorBatch(), chain.collectorBatchNumber(), null),
                        new TracedBatch(chain.marketBatch(), chain.marketBatchNumber(), code)));

        JsonNode trace = ApiClient.anonymous(port).get("/api/v1/trace/" + code).json();

        assertThat(trace.path("status").asText()).isEqualTo("VERIFIED");
        assertThat(trace.path("batchNumber").asText()).isEqualTo(chain.marketBatchNumber());
        assertThat(trace.path("product").path("name").asText()).isEqualTo("番茄");
        assertThat(trace.path("product").path("variety").asText()).isEqualTo(chain.variety());
        assertThat(trace.path("plot").path("name").asText()).isEqualTo(chain.plotName());
        assertThat(trace.path("plot").path("region").asText()).isEqualTo("安徽省芜湖市湾沚区");
        assertThat(trace.path("producer").path("name").asText())
                .isEqualTo(chain.farm().name());
        assertThat(trace.path("seller").path("name").asText())
                .isEqualTo(chain.market().name());
        assertThat(trace.path("seller").path("region").asText()).isEqualTo("安徽省芜湖市镜湖区");
        assertThat(trace.path("timeline").findValuesAsString("type")).containsExactly("CREATED", "RECEIPT");

        // The code API, what a retailer's system reads, names the same grower and seller.
        JsonNode codeView =
                ApiClient.anonymous(port).get("/api/v1/codes/" + code).json();
        assertThat(codeView.path("product").path("name").asText()).isEqualTo("番茄");
        assertThat(codeView.path("producer").path("name").asText())
                .isEqualTo(chain.farm().name());
        assertThat(codeView.path("seller").path("name").asText())
                .isEqualTo(chain.market().name());
        assertThat(codeView.path("origin").asText()).isEqualTo("安徽省芜湖市湾沚区");

        String page = ApiClient.anonymous(port)
                .accepting("text/html")
                .get("/t/" + code)
                .body();
        assertThat(page)
                .contains(
                        "data-status=\"VERIFIED\"",
                        "番茄",
                        chain.variety(),
                        chain.plotName(),
                        chain.farm().name())
                .contains(chain.market().name())
                .doesNotContain("绿茶");

        JsonNode created = chain.market()
                .client()
                .get("/api/v1/batches/" + chain.marketBatch() + "/history")
                .json()
                .get(0)
                .path("details");
        assertThat(created.path("product").path("name").asText()).isEqualTo("番茄");
        assertThat(created.path("product").path("variety").asText()).isEqualTo(chain.variety());
        assertThat(created.path("plot").path("name").asText()).isEqualTo(chain.plotName());
        assertThat(created.path("producer").path("name").asText())
                .isEqualTo(chain.farm().name());
        assertThat(created.path("organization").path("name").asText())
                .isEqualTo(chain.market().name());
        assertThat(created.path("source").path("batchNumber").asText()).isEqualTo(chain.collectorBatchNumber());
    }

    @Test
    void theBuyersPagesShowWhatTheGoodsAreBeforeAndAfterConfirmingReceipt() {
        Member farm = SupplyChainFixtures.member(admin, port, "南陵县丫山家庭农场", "FAMILY_FARM", "340223");
        Member market = SupplyChainFixtures.member(admin, port, "镜湖区农贸市场", "ENTERPRISE", "340202");
        String variety = "粉冠一号" + UUID.randomUUID().toString().substring(0, 4);
        long farmBatch = SupplyChainFixtures.harvestedBatch(farm, "番茄", variety, "丫山1号大棚", "900");
        SupplyChainFixtures.record(
                farm,
                farmBatch,
                "SHIPMENT",
                SupplyChainFixtures.TODAY.minusDays(1),
                Map.of(
                        "buyerName",
                        market.name(),
                        "buyerOrganizationId",
                        market.organizationId(),
                        "quantity",
                        Map.of("amount", "300", "unit", "KG")));
        long receipt =
                market.client().get("/api/v1/receipts").json().get(0).path("id").asLong();
        PageClient portal = PageClient.signIn(port, market.username(), market.password());

        PageClient.Response form = portal.get("/portal/receipts/" + receipt);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body())
                .contains("番茄（" + variety + "）", "丫山1号大棚 · " + farm.name())
                .doesNotContain("name=\"productId\"", "name=\"plotId\"");

        PageClient.Response confirmed = portal.postForm(
                "/portal/receipts/" + receipt + "/confirm",
                Map.of(
                        "batchNumber",
                        "SC-" + UUID.randomUUID().toString().substring(0, 6),
                        "idempotencyKey",
                        PageClient.formToken(form.body()).orElseThrow()));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(302);
        PageClient.Response batch = portal.get(confirmed.location().replaceFirst("^https?://[^/]+", ""));
        assertThat(batch.status()).isEqualTo(200);
        assertThat(batch.body()).contains("番茄（" + variety + "）", "丫山1号大棚 · " + farm.name());
        PageClient.Response dashboard = portal.get("/portal");
        assertThat(dashboard.status()).isEqualTo(200);
        assertThat(dashboard.body()).contains("番茄（" + variety + "）", "丫山1号大棚（" + farm.name() + "）");
    }

    @Test
    void processingStillMakesANewProductFromReceivedInputs() {
        Member farm = SupplyChainFixtures.member(admin, port, "湾沚区青弋江家庭农场", "FAMILY_FARM", "340210");
        Member factory = SupplyChainFixtures.member(admin, port, "芜湖番茄制品厂", "ENTERPRISE", "340207");
        long farmBatch = SupplyChainFixtures.harvestedBatch(farm, "番茄", "粉冠一号", "青弋江2号大棚", "2000");
        long received = SupplyChainFixtures.shipAndReceive(farm, farmBatch, factory, "1500");
        String inputNumber = factory.client()
                .get("/api/v1/batches/" + received)
                .json()
                .path("batchNumber")
                .asText();
        long workshop = factory.client()
                .post("/api/v1/plots", Map.of("name", "一号车间", "regionCode", "340207"))
                .json()
                .path("id")
                .asLong();
        long sauce = factory.client()
                .post("/api/v1/products", Map.of("name", "番茄酱", "category", "VEGETABLE", "variety", "原味"))
                .json()
                .path("id")
                .asLong();
        ApiClient.Response output = factory.client()
                .post(
                        "/api/v1/batches",
                        Map.of(
                                "batchNumber",
                                "JG-" + UUID.randomUUID().toString().substring(0, 6),
                                "productId",
                                sauce,
                                "plotId",
                                workshop,
                                "startedOn",
                                SupplyChainFixtures.TODAY.toString()));
        assertThat(output.status()).as(output.body()).isEqualTo(201);
        long sauceBatch = output.json().path("id").asLong();
        SupplyChainFixtures.record(
                factory,
                sauceBatch,
                "PROCESSING",
                SupplyChainFixtures.TODAY,
                Map.of(
                        "method", "破碎、浓缩、灌装",
                        "inputs",
                                List.of(Map.of(
                                        "batchNumber",
                                        inputNumber,
                                        "quantity",
                                        Map.of("amount", "1500", "unit", "KG"))),
                        "output", Map.of("amount", "600", "unit", "KG")));

        JsonNode trace = ApiClient.anonymous(port)
                .get("/api/v1/trace/" + SupplyChainFixtures.traceCode(factory, sauceBatch))
                .json();

        assertThat(trace.path("product").path("name").asText()).isEqualTo("番茄酱");
        assertThat(trace.path("plot").path("name").asText()).isEqualTo("一号车间");
        assertThat(trace.path("producer").path("name").asText()).isEqualTo(factory.name());
        assertThat(trace.path("seller").isMissingNode() || trace.path("seller").isNull())
                .isTrue();
        JsonNode receivedTrace = ApiClient.anonymous(port)
                .get("/api/v1/trace/" + SupplyChainFixtures.traceCode(factory, received))
                .json();
        assertThat(receivedTrace.path("product").path("name").asText()).isEqualTo("番茄");
        assertThat(receivedTrace.path("producer").path("name").asText()).isEqualTo(farm.name());
    }
}
