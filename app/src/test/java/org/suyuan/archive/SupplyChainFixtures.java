package org.suyuan.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.suyuan.ApiClient;
import org.suyuan.TestClock;

/**
 * A supply chain as it happens in 芜湖, made through the real API as static factories: a family farm grows and
 * harvests tomatoes, ships part of them to a collector (收购商), who confirms receipt and ships on to a market (农贸市场),
 * which confirms receipt in turn. Every organization is new, so tests sharing a database never see each other's.
 */
public final class SupplyChainFixtures {

    public static final LocalDate TODAY = TestClock.TODAY;

    private static final String PASSWORD = "chain-journey-7Qm2x";

    private SupplyChainFixtures() {}

    /** An organization on Suyuan with one signed-in user. */
    public record Member(ApiClient client, long organizationId, String name, String username) {

        public String password() {
            return PASSWORD;
        }
    }

    /**
     * The chain: the farm's batch, the collector's batch received from it, the market's batch received from that.
     */
    public record Chain(
            Member farm,
            Member collector,
            Member market,
            long farmBatch,
            String farmBatchNumber,
            long collectorBatch,
            String collectorBatchNumber,
            long marketBatch,
            String marketBatchNumber,
            String productName,
            String variety,
            String plotName) {}

    /** A new organization in the given region (GB/T 2260 code), signed in. */
    public static Member member(ApiClient admin, int port, String name, String type, String regionCode) {
        String creditCode = ArchiveJourneyTests.randomCreditCode();
        String fullName = name + creditCode.substring(12);
        ApiClient.Response organization = admin.post(
                "/api/v1/organizations",
                Map.of(
                        "name", fullName,
                        "type", type,
                        "creditCode", creditCode,
                        "regionCode", regionCode,
                        "address", "芜湖市",
                        "contactName", "李秀英",
                        "contactPhone", "13805536789"));
        assertThat(organization.status()).as(organization.body()).isEqualTo(201);
        long id = organization.json().path("id").asLong();
        String username = "chain-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Response user = admin.post(
                "/api/v1/organizations/" + id + "/users",
                Map.of("username", username, "password", PASSWORD, "displayName", name));
        assertThat(user.status()).as(user.body()).isEqualTo(201);
        return new Member(ApiClient.anonymous(port).as(username, PASSWORD), id, fullName, username);
    }

    /**
     * Farm (湾沚区) → collector (湾沚区) → market (镜湖区): 3200 千克 of 番茄 (粉冠一号) harvested on the farm's 1号大棚,
     * 1200 千克 to the collector, 500 千克 of those to the market.
     */
    public static Chain farmToCollectorToMarket(ApiClient admin, int port) {
        Member farm = member(admin, port, "湾沚区青弋江家庭农场", "FAMILY_FARM", "340210");
        Member collector = member(admin, port, "湾沚区果蔬收购站", "ENTERPRISE", "340210");
        Member market = member(admin, port, "镜湖区农贸市场", "ENTERPRISE", "340202");
        String suffix = UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        String plotName = "青弋江1号大棚" + suffix;
        String variety = "粉冠一号" + suffix;
        long farmBatch = harvestedBatch(farm, "番茄", variety, plotName, "3200");
        String farmNumber = number(farm, farmBatch);
        long collectorBatch = shipAndReceive(farm, farmBatch, collector, "1200");
        long marketBatch = shipAndReceive(collector, collectorBatch, market, "500");
        return new Chain(
                farm,
                collector,
                market,
                farmBatch,
                farmNumber,
                collectorBatch,
                number(collector, collectorBatch),
                marketBatch,
                number(market, marketBatch),
                "番茄",
                variety,
                plotName);
    }

    /** A batch of the product on a new plot of the member's, planted, harvested ({@code kilograms}) and tested. */
    public static long harvestedBatch(
            Member member, String product, String variety, String plotName, String kilograms) {
        ApiClient client = member.client();
        ApiClient.Response plot =
                client.post("/api/v1/plots", Map.of("name", plotName, "regionCode", "340210", "address", "湾沚镇青弋江村"));
        assertThat(plot.status()).as(plot.body()).isEqualTo(201);
        ApiClient.Response created =
                client.post("/api/v1/products", Map.of("name", product, "category", "VEGETABLE", "variety", variety));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        ApiClient.Response batch = client.post(
                "/api/v1/batches",
                Map.of(
                        "batchNumber", "F-" + UUID.randomUUID().toString().substring(0, 8),
                        "productId", created.json().path("id").asLong(),
                        "plotId", plot.json().path("id").asLong(),
                        "startedOn", TODAY.minusDays(60).toString()));
        assertThat(batch.status()).as(batch.body()).isEqualTo(201);
        long id = batch.json().path("id").asLong();
        record(member, id, "PLANTING", TODAY.minusDays(58), Map.of("method", "定植", "seedVariety", variety));
        record(
                member,
                id,
                "HARVEST",
                TODAY.minusDays(3),
                Map.of("quantity", Map.of("amount", kilograms, "unit", "KG")));
        record(
                member,
                id,
                "INSPECTION",
                TODAY.minusDays(3),
                Map.of(
                        "agency", "湾沚区农产品质量安全检测站",
                        "method", "农药残留快速检测（酶抑制法）",
                        "items", java.util.List.of("有机磷和氨基甲酸酯类农药"),
                        "result", "PASS"));
        return id;
    }

    /** The seller ships to the buyer on Suyuan, and the buyer confirms receipt; returns the buyer's new batch. */
    public static long shipAndReceive(Member seller, long batch, Member buyer, String kilograms) {
        record(
                seller,
                batch,
                "SHIPMENT",
                TODAY.minusDays(2),
                Map.of(
                        "buyerName", buyer.name(),
                        "buyerOrganizationId", buyer.organizationId(),
                        "quantity", Map.of("amount", kilograms, "unit", "KG")));
        ApiClient.Response pending = buyer.client().get("/api/v1/receipts");
        assertThat(pending.status()).as(pending.body()).isEqualTo(200);
        long receipt = pending.json().get(pending.json().size() - 1).path("id").asLong();
        ApiClient.Response confirmed = buyer.client()
                .post(
                        "/api/v1/receipts/" + receipt + "/confirm",
                        Map.of(
                                "batchNumber",
                                "R-" + UUID.randomUUID().toString().substring(0, 8)));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);
        return confirmed.json().path("id").asLong();
    }

    /** Records an event that must be accepted; returns its id. */
    public static long record(Member member, long batch, String type, LocalDate day, Map<String, Object> details) {
        ApiClient.Response response = member.client()
                .post(
                        "/api/v1/batches/" + batch + "/events",
                        Map.of("type", type, "occurredOn", day.toString(), "details", details));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("id").asLong();
    }

    /** The trace code of the member's batch. */
    public static String traceCode(Member member, long batch) {
        ApiClient.Response codes = member.client().get("/api/v1/batches/" + batch + "/codes");
        assertThat(codes.status()).as(codes.body()).isEqualTo(200);
        return codes.json().path("content").get(0).path("code").asText();
    }

    private static String number(Member member, long batch) {
        return member.client()
                .get("/api/v1/batches/" + batch)
                .json()
                .path("batchNumber")
                .asText();
    }
}
