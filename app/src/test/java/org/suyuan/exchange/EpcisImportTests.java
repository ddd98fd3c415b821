package org.suyuan.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.suyuan.ApiClient;
import org.suyuan.archive.SupplyChainFixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * EPCIS import on the demo installation: the cooperative ships demo tomatoes (QYJ-2026-001) to a market on Suyuan;
 * the market's integrator sends the receiving event, built from the cooperative's own shipping event as GS1 tools
 * do, and Suyuan records the receipt. Then the export goes back in: the city bureau's EPCIS export of every demo
 * batch, imported by the market, validates, changes nothing and recognises the market's receipt by its event hash.
 * A document with one bad event is refused whole; a document that breaks GS1's schema is refused with the
 * schema's words.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "suyuan.demo.enabled=true",
            "spring.datasource.url=jdbc:h2:mem:epcis-import;MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE;"
                    + "DB_CLOSE_DELAY=-1"
        })
@ActiveProfiles("test")
class EpcisImportTests {

    private static final String DEMO_PASSWORD = "suyuan-demo";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void aMarketsReceivingEventBecomesAReceiptAndTheDemoExportRoundTripsThroughTheImport() {
        ApiClient admin = ApiClient.anonymous(port).as("admin", DEMO_PASSWORD);
        ApiClient farmer = ApiClient.anonymous(port).as("farmer", DEMO_PASSWORD);
        SupplyChainFixtures.Member market = SupplyChainFixtures.member(admin, port, "镜湖区农贸市场", "ENTERPRISE", "340202");
        long tomato = demoBatch(farmer, "QYJ-2026-001");
        ship(farmer, tomato, market.organizationId(), "100");
        ship(farmer, tomato, market.organizationId(), "80");
        assertThat(market.client().get("/api/v1/receipts").json()).hasSize(2);

        ObjectNode shipping = shippingEventTo(farmer, tomato, market.organizationId(), "100");
        ObjectNode receiving = receivingEvent(shipping, market.organizationId());
        receiving.put("suyuan:batchNumber", "JH-TOMATO-01");

        // All or none: a second event naming a batch Suyuan never issued refuses the whole document.
        ObjectNode unknown = receiving.deepCopy();
        unknown.putArray("epcList").add("http://localhost:8080/t/" + unknownCode());
        ApiClient.Response refused = market.client().post("/api/v1/imports/epcis", document(receiving, unknown));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("epcisBody.eventList[1]");
        assertThat(market.client().get("/api/v1/receipts").json())
                .as("nothing was received")
                .hasSize(2);

        ApiClient.Response imported = market.client().post("/api/v1/imports/epcis", document(receiving));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        JsonNode result = imported.json().path("results").get(0);
        assertThat(result.path("outcome").asText()).isEqualTo("RECEIVED");
        assertThat(result.path("batchNumber").asText()).isEqualTo("JH-TOMATO-01");
        assertThat(result.path("sourceBatchNumber").asText()).isEqualTo("QYJ-2026-001");
        long received = result.path("batchId").asLong();
        assertThat(market.client().get("/api/v1/receipts").json())
                .as("the 80 kg shipment is still waiting")
                .hasSize(1);
        JsonNode history =
                market.client().get("/api/v1/batches/" + received + "/history").json();
        JsonNode receipt = history.get(history.size() - 1);
        assertThat(receipt.path("type").asText()).isEqualTo("RECEIPT");
        assertThat(receipt.path("details").path("quantity").path("amount").asText())
                .isEqualTo("100");
        assertThat(receipt.path("details").path("source").path("batchNumber").asText())
                .isEqualTo("QYJ-2026-001");

        // The round trip: every demo batch as the city bureau exports it, the market's receipt among them.
        ApiClient.Response cityExport =
                ApiClient.anonymous(port).as("regulator", DEMO_PASSWORD).get("/api/v1/supervision/exports/epcis");
        assertThat(cityExport.status()).isEqualTo(200);
        assertThat(EpcisSchema.violations(cityExport.body())).isEmpty();
        ApiClient.Response roundTrip = market.client().post("/api/v1/imports/epcis", JSON.readTree(cityExport.body()));
        assertThat(roundTrip.status()).as(roundTrip.body()).isEqualTo(200);
        JsonNode summary = roundTrip.json();
        int events = cityExport.json().path("epcisBody").path("eventList").size();
        assertThat(summary.path("events").asInt()).isEqualTo(events);
        assertThat(summary.path("received").asInt())
                .as("nothing recorded twice")
                .isZero();
        assertThat(summary.path("alreadyRecorded").asInt()).isEqualTo(1);
        assertThat(summary.path("skipped").asInt()).isEqualTo(events - 1);
        JsonNode recognised = summary.path("results")
                .valueStream()
                .filter(r -> r.path("outcome").asText().equals("ALREADY_RECORDED"))
                .findFirst()
                .orElseThrow();
        assertThat(recognised.path("batchId").asLong()).isEqualTo(received);
        assertThat(recognised.path("eventID").asText()).startsWith("ni:///sha-256;");
        assertThat(market.client().get("/api/v1/batches?size=50").json().path("content"))
                .as("the market still has one batch")
                .hasSize(1);
    }

    @Test
    void aDocumentThatBreaksTheSchemaOrIsNotAReceiptOfMineIsRefused() {
        ApiClient admin = ApiClient.anonymous(port).as("admin", DEMO_PASSWORD);
        ApiClient farmer = ApiClient.anonymous(port).as("farmer", DEMO_PASSWORD);
        SupplyChainFixtures.Member market = SupplyChainFixtures.member(admin, port, "弋江区超市", "ENTERPRISE", "340209");
        SupplyChainFixtures.Member other = SupplyChainFixtures.member(admin, port, "鸠江区超市", "ENTERPRISE", "340207");
        long tomato = demoBatch(farmer, "QYJ-2026-001");
        ship(farmer, tomato, market.organizationId(), "50");
        ObjectNode receiving =
                receivingEvent(shippingEventTo(farmer, tomato, market.organizationId(), "50"), market.organizationId());

        ObjectNode badTime = receiving.deepCopy();
        badTime.put("eventTime", "yesterday");
        ApiClient.Response schema = market.client().post("/api/v1/imports/epcis", document(badTime));
        assertThat(schema.status()).as(schema.body()).isEqualTo(400);
        assertThat(schema.json().path("type").asText()).endsWith("/problems/invalid-epcis-document");
        assertThat(schema.json().path("violations")).isNotEmpty();

        ApiClient.Response notMine = other.client().post("/api/v1/imports/epcis", document(receiving));
        assertThat(notMine.status()).as(notMine.body()).isEqualTo(400);
        assertThat(notMine.body()).contains("epcisBody.eventList[0]");

        ObjectNode wrongAmount = receiving.deepCopy();
        ((ObjectNode) wrongAmount.path("quantityList").get(0)).put("quantity", 49);
        ApiClient.Response partial = market.client().post("/api/v1/imports/epcis", document(wrongAmount));
        assertThat(partial.status()).as(partial.body()).isEqualTo(400);
        assertThat(partial.body()).contains("发货数量");

        assertThat(farmer.post("/api/v1/imports/epcis", Map.of("type", "EPCISDocument"))
                        .status())
                .isEqualTo(400);
        assertThat(ApiClient.anonymous(port)
                        .as("regulator", DEMO_PASSWORD)
                        .post("/api/v1/imports/epcis", document(receiving))
                        .status())
                .as("a regulator receives no goods")
                .isEqualTo(403);
        assertThat(market.client().get("/api/v1/receipts").json())
                .as("still waiting")
                .hasSize(1);
    }

    private static long demoBatch(ApiClient farmer, String number) {
        for (JsonNode batch : farmer.get("/api/v1/batches?size=50").json().path("content")) {
            if (batch.path("batchNumber").asText().equals(number)) {
                return batch.path("id").asLong();
            }
        }
        throw new AssertionError("no demo batch " + number);
    }

    /** A shipment on the day of the demo's own shipment of this batch (a day the archive accepts). */
    private static void ship(ApiClient farmer, long batch, long buyer, String kilograms) {
        String day = farmer.get("/api/v1/batches/" + batch + "/history")
                .json()
                .valueStream()
                .filter(e -> e.path("type").asText().equals("SHIPMENT"))
                .findFirst()
                .orElseThrow()
                .path("occurredOn")
                .asText();
        ApiClient.Response shipped = farmer.post(
                "/api/v1/batches/" + batch + "/events",
                Map.of(
                        "type",
                        "SHIPMENT",
                        "occurredOn",
                        day,
                        "details",
                        Map.of(
                                "buyerName",
                                "市场",
                                "buyerOrganizationId",
                                buyer,
                                "quantity",
                                Map.of("amount", kilograms, "unit", "KG"))));
        assertThat(shipped.status()).as(shipped.body()).isEqualTo(201);
    }

    /** The producer's shipping event to this buyer, of this many kilograms, as its EPCIS export has it. */
    private static ObjectNode shippingEventTo(ApiClient farmer, long batch, long buyer, String kilograms) {
        JsonNode events = farmer.get("/api/v1/batches/" + batch + "/epcis")
                .json()
                .path("epcisBody")
                .path("eventList");
        return (ObjectNode) events.valueStream()
                .filter(e -> e.path("bizStep").asText().equals("shipping"))
                .filter(e -> e.path("destinationList")
                        .path(0)
                        .path("destination")
                        .asText()
                        .endsWith("/org/" + buyer))
                .filter(e ->
                        e.path("quantityList").path(0).path("quantity").asText().equals(kilograms))
                .findFirst()
                .orElseThrow()
                .deepCopy();
    }

    /** What a market's system answers a shipping event with: the same goods, received, at its own place. */
    private static ObjectNode receivingEvent(ObjectNode shipping, long market) {
        ObjectNode receiving = JSON.createObjectNode();
        receiving.put("type", "ObjectEvent");
        receiving.put("eventID", "urn:uuid:" + java.util.UUID.randomUUID());
        receiving.put("eventTime", shipping.path("eventTime").asText());
        receiving.put(
                "eventTimeZoneOffset", shipping.path("eventTimeZoneOffset").asText());
        receiving.set("epcList", shipping.path("epcList").deepCopy());
        receiving.set("quantityList", shipping.path("quantityList").deepCopy());
        receiving.put("action", "OBSERVE");
        receiving.put("bizStep", "receiving");
        receiving.put("disposition", "in_progress");
        receiving.set("sourceList", shipping.path("sourceList").deepCopy());
        ArrayNode destinations = receiving.putArray("destinationList");
        destinations.add(shipping.path("destinationList").get(0).deepCopy());
        assertThat(destinations.get(0).path("destination").asText()).endsWith("/org/" + market);
        return receiving;
    }

    private static ObjectNode document(ObjectNode... events) {
        ObjectNode document = JSON.createObjectNode();
        document.putArray("@context").add("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld");
        document.put("type", "EPCISDocument");
        document.put("schemaVersion", "2.0");
        document.put("creationDate", "2026-11-26T10:00:00+08:00");
        ArrayNode list = document.putObject("epcisBody").putArray("eventList");
        for (ObjectNode event : events) {
            list.add(event);
        }
        return document;
    }

    private static String unknownCode() {
        for (char check : "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray()) {
            try {
                return org.suyuan.qr.TraceCode.parse("00000000EPC0FAKE" + check).value();
            } catch (org.suyuan.qr.InvalidTraceCodeException wrongCheckCharacter) {
                // try the next
            }
        }
        throw new IllegalStateException("no check character fits");
    }
}
