package org.suyuan;

import java.net.URI;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings every feature shares.
 *
 * @param publicBaseUrl where consumers reach the service; QR codes carry {@code {publicBaseUrl}/t/{code}}
 * @param timeZone the zone in which a farmer's "today" is judged (events dated in the future are refused)
 */
@Validated
@ConfigurationProperties("suyuan")
public record SuyuanProperties(
        @DefaultValue("http://localhost:8080") URI publicBaseUrl,
        @DefaultValue("Asia/Shanghai") ZoneId timeZone) {}
