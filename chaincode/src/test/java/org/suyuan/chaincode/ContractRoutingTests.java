package org.suyuan.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract as a peer reaches it: through the shim's router, with every argument a string. */
class ContractRoutingTests {

    private static final String ROOT = "5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef";
    /** Held so that java.util.logging keeps the levels set below. */
    private static final List<Logger> SHIM_LOGGERS = List.of(
            Logger.getLogger("org.hyperledger"),
            Logger.getLogger("org.hyperledger.fabric.shim"),
            Logger.getLogger("org.hyperledger.fabric.contract"));

    private static ContractRouter router;

    private final Map<String, byte[]> worldState = new HashMap<>();

    @BeforeAll
    static void findContracts() throws Exception {
        router = new ContractRouter(new String[] {"--id", "suyuan:test"});
        // The router logs every invocation, and every expected contract error with a stack trace.
        SHIM_LOGGERS.forEach(logger -> logger.setLevel(Level.OFF));
        router.startRouterWithChaincodeServer(new ChaincodeServer() {
            @Override
            public void start() {}

            @Override
            public void stop() {}
        });
    }

    @Test
    void routesAnchorAndConvertsTheLeafCount() {
        Chaincode.Response response = invoke("anchor", ROOT, "3", "", "2024-05-01T08:00:00Z", "2024-05-01T08:00:05Z");

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getStringPayload()).contains("\"leafCount\":3", "\"submitter\":\"Org1MSP\"");
    }

    @Test
    void routesTheQualifiedFunctionName() {
        invoke("anchor", ROOT, "3", "", "2024-05-01T08:00:00Z", "2024-05-01T08:00:05Z");

        Chaincode.Response response = invoke("anchoring:getAnchor", ROOT);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getStringPayload()).contains(ROOT);
    }

    @Test
    void answersAnUnknownRootWithStatus500AndTheErrorCodeInTheMessage() {
        Chaincode.Response response = invoke("getAnchor", ROOT);

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(response.getMessage()).startsWith("ANCHOR_NOT_FOUND: ");
    }

    private Chaincode.Response invoke(String... arguments) {
        return router.invoke(new InMemoryChaincodeStub(
                worldState,
                List.of(arguments),
                "tx-" + worldState.size(),
                Instant.parse("2024-05-01T08:00:07Z"),
                ClientCertificates.creator("Org1MSP")));
    }
}
