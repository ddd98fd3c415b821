package org.suyuan.db.archive;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.suyuan.db.TestDatabases;

/** The archive schema on embedded H2 in MySQL mode, the zero-setup default. */
class H2ArchiveRepositoryTests extends ArchiveRepositoryContract {

    @DynamicPropertySource
    static void h2(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.h2("archive_repository_tests"));
    }
}
