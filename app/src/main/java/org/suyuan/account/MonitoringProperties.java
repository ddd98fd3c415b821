package org.suyuan.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may read the metrics at {@code /actuator/prometheus}: administrators (HTTP Basic), and a scraper that sends
 * {@code Authorization: Bearer} with this token. Never committed: set {@code SUYUAN_MONITORING_SCRAPE_TOKEN} (at
 * least 32 characters, e.g. {@code openssl rand -hex 32}); unset, only administrators may read the metrics.
 *
 * @param scrapeToken the token a Prometheus server presents ({@code authorization.credentials_file})
 */
@ConfigurationProperties("suyuan.monitoring")
record MonitoringProperties(String scrapeToken) {

    static final int MINIMUM_TOKEN_LENGTH = 32;

    MonitoringProperties {
        if (scrapeToken != null && scrapeToken.isBlank()) {
            scrapeToken = null;
        }
        if (scrapeToken != null && scrapeToken.length() < MINIMUM_TOKEN_LENGTH) {
            throw new IllegalArgumentException("suyuan.monitoring.scrape-token must have at least "
                    + MINIMUM_TOKEN_LENGTH + " characters (openssl rand -hex 32)");
        }
    }

    /** Whether {@code presented} is the configured token; compared in constant time, false when none is set. */
    boolean accepts(String presented) {
        if (scrapeToken == null || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(
                scrapeToken.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
