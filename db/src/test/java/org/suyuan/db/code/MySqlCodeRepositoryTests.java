package org.suyuan.db.code;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.suyuan.db.TestDatabases;

/** The code tables on a real MySQL-protocol server through MySQL Connector/J (MariaDB here and in CI). */
class MySqlCodeRepositoryTests extends CodeRepositoryContract {

    @DynamicPropertySource
    static void mysql(DynamicPropertyRegistry registry) {
        String url = TestDatabases.freshMySql("suyuan_db_code_tests");
        registry.add("spring.datasource.url", () -> url);
    }
}
