package org.suyuan.verification;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.suyuan.db.TestDatabases;

/**
 * The tamper campaign on embedded H2, in a database of its own: the attack deletes rows the anchoring keeps, which
 * other tests of the shared database need not see.
 */
class EmbeddedH2TamperCampaignTests extends TamperCampaignContract {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.h2("verification_tamper"));
    }
}
