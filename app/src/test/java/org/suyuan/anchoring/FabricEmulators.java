package org.suyuan.anchoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.suyuan.ledger.RecordHash;
import org.suyuan.ledger.fabric.FabricLedger;
import org.suyuan.ledger.fabric.FabricSettings;
import org.suyuan.ledger.fabric.GatewayEmulator;
import org.suyuan.ledger.fabric.TestCredentials;

/**
 * A Fabric gateway emulator on a loopback port with TLS, and the {@code suyuan.ledger.fabric.*} properties that
 * point the application at it, exactly as an operator would configure a real network.
 */
final class FabricEmulators {

    private static final Duration SCAN_DEADLINE = Duration.ofMinutes(3);

    private FabricEmulators() {}

    static GatewayEmulator start(DynamicPropertyRegistry registry) {
        Path directory;
        try {
            directory = Files.createTempDirectory("suyuan-fabric-credentials");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestCredentials credentials = TestCredentials.generate(directory);
        GatewayEmulator emulator = GatewayEmulator.create();
        warmUp(emulator, credentials);
        int port = emulator.startOnLoopback(credentials, false);
        registry.add("suyuan.ledger.type", () -> "fabric");
        registry.add("suyuan.ledger.fabric.endpoint", () -> "127.0.0.1:" + port);
        registry.add("suyuan.ledger.fabric.msp-id", credentials::mspId);
        registry.add(
                "suyuan.ledger.fabric.certificate",
                () -> credentials.identityCertificate().toString());
        registry.add(
                "suyuan.ledger.fabric.private-key", () -> credentials.keystore().toString());
        registry.add("suyuan.ledger.fabric.channel", emulator::channel);
        registry.add("suyuan.ledger.fabric.chaincode", emulator::chaincode);
        registry.add(
                "suyuan.ledger.fabric.tls.ca-certificate",
                () -> credentials.caCertificate().toString());
        registry.add("suyuan.ledger.fabric.tls.server-name-override", () -> TestCredentials.PEER_HOST_NAME);
        return emulator;
    }

    /**
     * Runs the contract once before the application starts: the shim finds contracts by scanning the classpath, which
     * takes many seconds on the application's classpath and would otherwise eat the first anchor's deadlines.
     */
    private static void warmUp(GatewayEmulator emulator, TestCredentials credentials) {
        try (FabricLedger ledger = FabricLedger.overChannel(
                credentials.settings(
                        "in-process:1",
                        FabricSettings.Tls.disabled(),
                        new FabricSettings.Deadlines(SCAN_DEADLINE, SCAN_DEADLINE, SCAN_DEADLINE, SCAN_DEADLINE)),
                emulator.newInProcessChannel())) {
            ledger.find(RecordHash.sha256(new byte[] {1}));
        }
    }
}
