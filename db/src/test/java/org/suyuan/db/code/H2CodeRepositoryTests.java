package org.suyuan.db.code;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.suyuan.db.TestDatabases;

/** The code tables on embedded H2 in MySQL mode. */
class H2CodeRepositoryTests extends CodeRepositoryContract {

    @DynamicPropertySource
    static void h2(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.h2("code_repository_tests"));
    }
}
