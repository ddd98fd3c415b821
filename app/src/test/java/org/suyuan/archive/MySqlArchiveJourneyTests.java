package org.suyuan.archive;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.suyuan.db.MySqlConfigured;
import org.suyuan.db.TestDatabases;

/** The same journey with the production database: MySQL protocol through MySQL Connector/J. */
@ExtendWith(MySqlConfigured.class)
class MySqlArchiveJourneyTests extends ArchiveJourneyTests {

    @DynamicPropertySource
    static void mysql(DynamicPropertyRegistry registry) {
        String url = TestDatabases.freshMySql("suyuan_app_journey");
        registry.add("spring.datasource.url", () -> url);
    }
}
