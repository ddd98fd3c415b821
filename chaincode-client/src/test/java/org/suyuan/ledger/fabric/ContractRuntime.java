package org.suyuan.ledger.fabric;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeServer;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * Runs the contracts on the classpath (Suyuan's {@code org.suyuan.chaincode.AnchorContract}) through the shim's own
 * {@link ContractRouter}, as a chaincode process does: routing by function name, argument conversion, the JSON
 * serialiser and error responses are the real ones.
 */
final class ContractRuntime {

    /**
     * The loggers the shim configures for itself; held so that the levels set below are not lost when
     * java.util.logging drops unreferenced loggers.
     */
    private static final List<Logger> SHIM_LOGGERS = List.of(
            Logger.getLogger("org.hyperledger"),
            Logger.getLogger("org.hyperledger.fabric.shim"),
            Logger.getLogger("org.hyperledger.fabric.contract"));

    private static ContractRouter router;

    private ContractRuntime() {}

    static Chaincode.Response invoke(ChaincodeStub stub) {
        return router().invoke(stub);
    }

    /** Finding contracts scans the classpath (seconds), so it happens once per JVM. */
    private static synchronized ContractRouter router() {
        if (router == null) {
            ContractRouter created = new ContractRouter(new String[] {"--id", "suyuan:emulated"});
            // Each invocation logs at INFO and each contract error at SEVERE with a stack trace; the emulator
            // hands errors to the client as peers do, so the log would only repeat them.
            SHIM_LOGGERS.forEach(logger -> logger.setLevel(Level.OFF));
            try {
                // The router finds its contracts when its server starts; the emulator is the peer, so no server.
                created.startRouterWithChaincodeServer(new ChaincodeServer() {
                    @Override
                    public void start() {}

                    @Override
                    public void stop() {}
                });
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("Cannot load the contracts", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while loading the contracts", e);
            }
            router = created;
        }
        return router;
    }
}
