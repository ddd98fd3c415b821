package org.suyuan.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.suyuan.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * The demo installation's batches (harvested and shipped, growing, tea, tampered, recalled) exported as EPCIS, each
 * by its producer and all at once by the city bureau, validate against GS1's schema. Same configuration as
 * DemoPageTests, so the two share one application with the demo data.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "suyuan.demo.enabled=true",
            "spring.datasource.url=jdbc:h2:mem:verification-demo;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                    + "NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1"
        })
@ActiveProfiles("test")
class DemoEpcisTests {

    @LocalServerPort
    int port;

    @Test
    void everyDemoBatchsEpcisExportValidatesAgainstTheSchema() {
        List<String> exported = new ArrayList<>();
        for (String farmer : List.of("farmer", "farmer-nanling")) {
            ApiClient client = ApiClient.anonymous(port).as(farmer, "suyuan-demo");
            for (JsonNode batch : client.get("/api/v1/batches?size=50").json().path("content")) {
                ApiClient.Response document =
                        client.get("/api/v1/batches/" + batch.path("id").asLong() + "/epcis");
                assertThat(document.status()).isEqualTo(200);
                assertThat(EpcisSchema.violations(document.body()))
                        .as(batch.path("batchNumber").asString())
                        .isEmpty();
                exported.add(batch.path("batchNumber").asString());
            }
        }
        assertThat(exported).hasSize(5).contains("QYJ-2026-001", "YS-2026-01");

        ApiClient.Response city =
                ApiClient.anonymous(port).as("regulator", "suyuan-demo").get("/api/v1/supervision/exports/epcis");
        assertThat(city.status()).isEqualTo(200);
        assertThat(EpcisSchema.violations(city.body())).isEmpty();
        List<String> steps = city.json().path("epcisBody").path("eventList").findValuesAsString("bizStep");
        assertThat(steps).contains("commissioning", "shipping", "inspecting");
        assertThat(city.json().path("epcisBody").path("eventList").findValuesAsString("disposition"))
                .contains("recalled", "conformant");
    }
}
