package org.suyuan.code;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.suyuan.db.MySqlConfigured;
import org.suyuan.db.TestDatabases;

/**
 * The same journey on the production database, MySQL protocol through MySQL Connector/J: row locks, the primary
 * key on the code and repeatable-read snapshots behave there as the concurrent issuing test needs.
 */
@ExtendWith(MySqlConfigured.class)
class MySqlCodeJourneyTests extends CodeJourneyTests {

    @DynamicPropertySource
    static void mysql(DynamicPropertyRegistry registry) {
        String url = TestDatabases.freshMySql("suyuan_app_codes");
        registry.add("spring.datasource.url", () -> url);
    }
}
