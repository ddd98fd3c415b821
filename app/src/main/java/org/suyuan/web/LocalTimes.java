package org.suyuan.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;
import org.suyuan.SuyuanProperties;

/**
 * Moments as people in 芜湖 read them: in {@code suyuan.time-zone}, never the server's UTC. Templates call it as
 * {@code ${@localTimes.minute(instant)}}.
 */
@Component
public class LocalTimes {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;

    LocalTimes(SuyuanProperties properties) {
        this.zone = properties.timeZone();
    }

    /** {@code 2026-11-26 10:00}, or an empty string for no moment. */
    public String minute(Instant instant) {
        return instant == null ? "" : MINUTE.format(instant.atZone(zone));
    }

    /** {@code 2026-11-26 10:00:05}, or an empty string for no moment. */
    public String second(Instant instant) {
        return instant == null ? "" : SECOND.format(instant.atZone(zone));
    }
}
