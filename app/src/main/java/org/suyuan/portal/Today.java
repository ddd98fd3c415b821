package org.suyuan.portal;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import org.suyuan.SuyuanProperties;

/** Today where the farms are (suyuan.time-zone), as the archive judges "in the future". */
@Component
class Today {

    private final Clock clock;
    private final SuyuanProperties properties;

    Today(Clock clock, SuyuanProperties properties) {
        this.clock = clock;
        this.properties = properties;
    }

    LocalDate date() {
        return LocalDate.now(clock.withZone(properties.timeZone()));
    }

    /** A moment as the farm's clock shows it, to the minute. */
    String local(java.time.Instant instant) {
        return instant == null
                ? ""
                : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                        .format(instant.atZone(properties.timeZone()));
    }
}
