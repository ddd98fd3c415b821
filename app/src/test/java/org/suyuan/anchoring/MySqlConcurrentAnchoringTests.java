package org.suyuan.anchoring;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.suyuan.db.MySqlConfigured;
import org.suyuan.db.TestDatabases;

/** Racing workers on the production database: MySQL protocol (MariaDB) through MySQL Connector/J. */
@ExtendWith(MySqlConfigured.class)
class MySqlConcurrentAnchoringTests extends ConcurrentAnchoringTests {

    @DynamicPropertySource
    static void mysql(DynamicPropertyRegistry registry) {
        String url = TestDatabases.freshMySql("suyuan_anchoring_concurrent");
        registry.add("spring.datasource.url", () -> url);
    }
}
