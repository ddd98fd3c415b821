package org.suyuan.db.idempotency;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.suyuan.db.TestDatabases;

/** Idempotency keys on embedded H2 in MySQL mode, the zero-setup default. */
class H2IdempotentRequestRepositoryTests extends IdempotentRequestRepositoryContract {

    @DynamicPropertySource
    static void h2(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.h2("idempotent_request_repository_tests"));
    }
}
