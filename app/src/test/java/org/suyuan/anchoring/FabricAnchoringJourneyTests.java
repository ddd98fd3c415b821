package org.suyuan.anchoring;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.suyuan.ledger.fabric.GatewayEmulator;

/**
 * The anchoring journey on Hyperledger Fabric: the application is configured only through {@code
 * suyuan.ledger.fabric.*} properties, as against a real network, and talks TLS through the real Gateway SDK to the
 * gateway emulator on a loopback port, which runs the real contract.
 */
@TestPropertySource(
        properties =
                "spring.datasource.url=jdbc:h2:mem:anchoring-fabric;MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE;"
                        + "DB_CLOSE_DELAY=-1")
class FabricAnchoringJourneyTests extends AnchoringJourneyContract {

    static GatewayEmulator emulator;

    @DynamicPropertySource
    static void fabric(DynamicPropertyRegistry registry) {
        emulator = FabricEmulators.start(registry);
    }

    @AfterAll
    static void stopEmulator() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Override
    long anchorsOnLedger() {
        return emulator.worldState().size();
    }
}
