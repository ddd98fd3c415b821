package org.suyuan.verification;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.suyuan.db.MySqlConfigured;
import org.suyuan.db.TestDatabases;

/** The tamper campaign on the production database, MySQL protocol (MariaDB) through Connector/J. */
@ExtendWith(MySqlConfigured.class)
class MySqlTamperCampaignTests extends TamperCampaignContract {

    @DynamicPropertySource
    static void mysql(DynamicPropertyRegistry registry) {
        String url = TestDatabases.freshMySql("suyuan_verification_tamper");
        registry.add("spring.datasource.url", () -> url);
    }
}
