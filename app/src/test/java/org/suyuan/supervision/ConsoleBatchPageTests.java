package org.suyuan.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.suyuan.TestAccounts;
import org.suyuan.TestClockConfiguration;
import org.suyuan.account.AccountService;
import org.suyuan.archive.SupplyChainFixtures;
import org.suyuan.db.account.UserAccountRepository;
import org.suyuan.web.PageClient;

/**
 * The console's batch page for batches in a supply chain, over HTTP as the inspector's browser asks for it: the
 * regulator who must trace and recall gets the page, with the batches upstream and downstream, for every batch of a
 * chain farm → collector → market.
 */
@Import(TestClockConfiguration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ConsoleBatchPageTests {

    private static final String REGULATOR = "console-page-regulator";
    private static final String REGULATOR_PASSWORD = "console-page-Wuhu-2026";

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    UserAccountRepository users;

    PageClient inspector;

    @BeforeEach
    void cityInspector() {
        synchronized (ConsoleBatchPageTests.class) {
            if (!users.existsByUsername(REGULATOR)) {
                accounts.createRegulator(REGULATOR, REGULATOR_PASSWORD, "芜湖市农业农村局 监管员", "340200");
            }
        }
        inspector = PageClient.signIn(port, REGULATOR, REGULATOR_PASSWORD);
    }

    @Test
    void aBatchWithUpstreamAndDownstreamLinksShowsItsTraceBothWays() {
        SupplyChainFixtures.Chain chain =
                SupplyChainFixtures.farmToCollectorToMarket(TestAccounts.administrator(port, accounts, users), port);

        PageClient.Response page = inspector.get("/console/batches/" + chain.collectorBatch());

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        String backward = section(page.body(), "trace backward");
        String forward = section(page.body(), "trace forward");
        assertThat(backward).contains(chain.farmBatchNumber(), chain.farm().name());
        assertThat(forward).contains(chain.marketBatchNumber(), chain.market().name());
        assertThat(page.body())
                .contains("id=\"recall-form\"")
                .contains("番茄", chain.plotName(), chain.farm().name());
    }

    @Test
    void everyBatchOfAChainHasItsPage() {
        SupplyChainFixtures.Chain chain =
                SupplyChainFixtures.farmToCollectorToMarket(TestAccounts.administrator(port, accounts, users), port);

        for (long batch : new long[] {chain.farmBatch(), chain.collectorBatch(), chain.marketBatch()}) {
            PageClient.Response page = inspector.get("/console/batches/" + batch);
            assertThat(page.status()).as("batch %d: %s", batch, page.body()).isEqualTo(200);
            assertThat(page.body()).contains("番茄").doesNotContain("TemplateProcessingException");
        }
        assertThat(section(
                        inspector.get("/console/batches/" + chain.marketBatch()).body(), "trace backward"))
                .contains(chain.collectorBatchNumber(), chain.farmBatchNumber());
        assertThat(section(
                        inspector.get("/console/batches/" + chain.farmBatch()).body(), "trace forward"))
                .contains(chain.collectorBatchNumber(), chain.marketBatchNumber());
    }

    /** The list with the given classes, up to its end. */
    private static String section(String html, String classes) {
        int start = html.indexOf("<ul class=\"" + classes + "\"");
        assertThat(start).as("the page has a list of class '%s'", classes).isNotNegative();
        return html.substring(start, html.indexOf("</ul>", start));
    }
}
