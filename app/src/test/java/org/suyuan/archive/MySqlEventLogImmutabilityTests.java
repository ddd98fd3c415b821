package org.suyuan.archive;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.suyuan.db.MySqlConfigured;
import org.suyuan.db.TestDatabases;

/** The same proof on MySQL through MySQL Connector/J. */
@ExtendWith(MySqlConfigured.class)
class MySqlEventLogImmutabilityTests extends EventLogImmutabilityTests {

    @DynamicPropertySource
    static void mysql(DynamicPropertyRegistry registry) {
        String url = TestDatabases.freshMySql("suyuan_app_immutability");
        registry.add("spring.datasource.url", () -> url);
    }
}
