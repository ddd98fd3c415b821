package org.suyuan.db.archive;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.suyuan.db.TestDatabases;

/** The archive schema on a real MySQL-protocol server through MySQL Connector/J (MariaDB here and in CI). */
class MySqlArchiveRepositoryTests extends ArchiveRepositoryContract {

    @DynamicPropertySource
    static void mysql(DynamicPropertyRegistry registry) {
        String url = TestDatabases.freshMySql("suyuan_db_tests");
        registry.add("spring.datasource.url", () -> url);
    }
}
