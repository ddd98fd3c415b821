package org.suyuan.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.suyuan.ApiClient;
import tools.jackson.databind.JsonNode;

/** The demo data's harvested batch (QYJ-2026-001) as a consumer reaches it: by its trace code. */
final class DemoBatches {

    static final String HARVESTED = "QYJ-2026-001";

    private DemoBatches() {}

    /** The trace code of the demo's harvested batch, once its records are anchored and its scan says VERIFIED. */
    static String verifiedTraceCode(int port) {
        ApiClient farmer = ApiClient.anonymous(port).as("farmer", "suyuan-demo");
        Long batchId = null;
        for (JsonNode batch : farmer.get("/api/v1/batches?size=50").json().path("content")) {
            if (batch.path("batchNumber").asText().equals(HARVESTED)) {
                batchId = batch.path("id").asLong();
            }
        }
        assertThat(batchId).as("demo batch " + HARVESTED).isNotNull();
        String code = farmer.get("/api/v1/batches/" + batchId + "/codes")
                .json()
                .path("content")
                .get(0)
                .path("code")
                .asText();
        Awaitility.await()
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> ApiClient.anonymous(port)
                        .get("/api/v1/trace/" + code)
                        .json()
                        .path("status")
                        .asText()
                        .equals("VERIFIED"));
        return code;
    }
}
