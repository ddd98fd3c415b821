package org.suyuan.anchoring;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.suyuan.db.TestDatabases;

/** The Fabric anchoring journey on the production database, MySQL protocol (MariaDB) through Connector/J. */
class MySqlFabricAnchoringJourneyTests extends FabricAnchoringJourneyTests {

    @DynamicPropertySource
    static void mysql(DynamicPropertyRegistry registry) {
        String url = TestDatabases.freshMySql("suyuan_anchoring_journey");
        registry.add("spring.datasource.url", () -> url);
    }
}
