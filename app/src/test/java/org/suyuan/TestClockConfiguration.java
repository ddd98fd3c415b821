package org.suyuan;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Gives the application under test the {@link TestClock} instead of the system clock. Import it in every test that
 * dates records by {@link TestClock#TODAY}: {@code @Import(TestClockConfiguration.class)}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }
}
