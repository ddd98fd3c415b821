package org.suyuan.anchoring;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.suyuan.db.MySqlConfigured;
import org.suyuan.db.TestDatabases;

/**
 * The Fabric anchoring journey on the production database, MySQL protocol (MariaDB) through Connector/J, with 2,000
 * events: the 10,000 run on H2, and what matters here is the SQL (microsecond times bound as text, bulk claims, the
 * lease), not the volume.
 */
@ExtendWith(MySqlConfigured.class)
class MySqlFabricAnchoringJourneyTests extends FabricAnchoringJourneyTests {

    @Override
    int events() {
        return 2_000;
    }

    @DynamicPropertySource
    static void mysql(DynamicPropertyRegistry registry) {
        String url = TestDatabases.freshMySql("suyuan_anchoring_journey");
        registry.add("spring.datasource.url", () -> url);
    }
}
