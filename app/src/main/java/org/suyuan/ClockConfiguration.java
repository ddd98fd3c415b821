package org.suyuan;

import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ClockConfiguration {

    /**
     * Time as the database keeps it: whole seconds. MySQL Connector/J drops fractional seconds when it talks to
     * MariaDB (which announces itself as "5.5.5-10.x", a version without them), so a finer instant would be
     * hashed with digits that the stored row no longer has.
     */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofSeconds(1));
    }
}
