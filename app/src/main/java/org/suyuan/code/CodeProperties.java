package org.suyuan.code;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the code endpoints.
 *
 * @param maxUploadSize the largest label photo accepted for decoding; keep
 *     {@code spring.servlet.multipart.max-file-size} at least as large
 * @param qrImageMaxAge how long browsers and CDNs may cache a code's PNG or SVG (a code's image only changes
 *     with the public base URL)
 */
@ConfigurationProperties("suyuan.codes")
record CodeProperties(
        @DefaultValue("10MB") DataSize maxUploadSize,
        @DefaultValue("1d") Duration qrImageMaxAge) {}
