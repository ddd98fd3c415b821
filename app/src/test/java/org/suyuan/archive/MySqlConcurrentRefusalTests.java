package org.suyuan.archive;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.suyuan.db.MySqlConfigured;
import org.suyuan.db.TestDatabases;

/** The same refused writes on the production database, where InnoDB's row locks wait up to 50 s. */
@ExtendWith(MySqlConfigured.class)
class MySqlConcurrentRefusalTests extends ConcurrentRefusalTests {

    @DynamicPropertySource
    static void mysql(DynamicPropertyRegistry registry) {
        String url = TestDatabases.freshMySql("suyuan_concurrent_refusals");
        registry.add("spring.datasource.url", () -> url);
    }
}
