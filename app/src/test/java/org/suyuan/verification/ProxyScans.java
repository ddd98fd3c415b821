package org.suyuan.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.suyuan.ApiClient;
import org.suyuan.verification.VerificationFixtures.TracedBatch;

/** What the forwarded-address tests share: a serial to scan, and how many networks its scans came from. */
final class ProxyScans {

    private ProxyScans() {}

    static String serial(ApiClient farmer, TracedBatch batch) {
        ApiClient.Response issued = farmer.post("/api/v1/batches/" + batch.id() + "/codes", Map.of("count", 1));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return issued.json().path("codes").get(0).path("code").asText();
    }

    /** Distinct network pseudonyms in the scan log of one code, once what is queued is written. */
    static long networks(ScanLog scanLog, JdbcTemplate jdbc, String code) {
        scanLog.flush();
        return jdbc.queryForObject("SELECT COUNT(DISTINCT network) FROM scan WHERE code = ?", Long.class, code);
    }
}
