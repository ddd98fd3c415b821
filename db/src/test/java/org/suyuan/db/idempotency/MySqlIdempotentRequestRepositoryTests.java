package org.suyuan.db.idempotency;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.suyuan.db.TestDatabases;

/** Idempotency keys on a real MySQL-protocol server through MySQL Connector/J (MariaDB here and in CI). */
class MySqlIdempotentRequestRepositoryTests extends IdempotentRequestRepositoryContract {

    @DynamicPropertySource
    static void mysql(DynamicPropertyRegistry registry) {
        String url = TestDatabases.freshMySql("suyuan_db_idempotency_tests");
        registry.add("spring.datasource.url", () -> url);
    }
}
