package org.suyuan.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.suyuan.ledger.fabric.AnchorRequests.firstAnchor;

import io.grpc.ManagedChannel;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.suyuan.ledger.AnchorReceipt;
import org.suyuan.ledger.LedgerException;

/** The adapter as production creates it: its own gRPC channel to a port, from PEM files, with or without TLS. */
class FabricLedgerConnectionTests {

    @TempDir
    static Path credentialsDirectory;

    private static TestCredentials credentials;

    private final GatewayEmulator emulator = GatewayEmulator.create();

    @BeforeAll
    static void generateCredentials() {
        credentials = TestCredentials.generate(credentialsDirectory);
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    @Test
    void anchorsOverPlaintextWithTheKeyReadFromAKeystoreDirectory() {
        int port = emulator.startOnLoopback();
        FabricSettings settings = credentials.settings("127.0.0.1:" + port, FabricSettings.Tls.disabled());
        FabricSettings fromKeystore = new FabricSettings(
                settings.gatewayEndpoint(),
                settings.mspId(),
                settings.identityCertificate(),
                credentials.keystore(),
                settings.channel(),
                settings.chaincode(),
                settings.tls(),
                settings.deadlines());

        try (FabricLedger ledger = FabricLedger.connect(fromKeystore)) {
            AnchorReceipt receipt = ledger.anchor(firstAnchor("window 1"));

            assertThat(ledger.find(receipt.root())).contains(receipt);
        }
    }

    @Test
    void anchorsOverTlsCheckingThePeerNameFromTheSettings() {
        int port = emulator.startOnLoopback(credentials, false);

        try (FabricLedger ledger =
                FabricLedger.connect(credentials.settings("127.0.0.1:" + port, credentials.serverAuthenticatedTls()))) {
            AnchorReceipt receipt = ledger.anchor(firstAnchor("window 1"));

            assertThat(ledger.find(receipt.root())).contains(receipt);
        }
    }

    @Test
    void anchorsOverMutualTls() {
        int port = emulator.startOnLoopback(credentials, true);

        try (FabricLedger ledger =
                FabricLedger.connect(credentials.settings("localhost:" + port, credentials.mutualTls()))) {
            AnchorReceipt receipt = ledger.anchor(firstAnchor("window 1"));

            assertThat(ledger.find(receipt.root())).contains(receipt);
        }
    }

    @Test
    void cannotReachAPeerThatRequiresAClientCertificateWithoutOne() {
        int port = emulator.startOnLoopback(credentials, true);

        try (FabricLedger ledger =
                FabricLedger.connect(credentials.settings("127.0.0.1:" + port, credentials.serverAuthenticatedTls()))) {
            assertThatThrownBy(() -> ledger.anchor(firstAnchor("window 1")))
                    .isInstanceOfSatisfying(
                            LedgerException.class,
                            e -> assertThat(e.reason()).isEqualTo(LedgerException.Reason.UNAVAILABLE));
        }
        assertThat(emulator.committedTransactions()).isEmpty();
    }

    @Test
    void cannotReachAPeerWhoseCertificateNamesAnotherHost() {
        int port = emulator.startOnLoopback(credentials, false);
        FabricSettings.Tls wrongName =
                FabricSettings.Tls.serverAuthenticated(credentials.caCertificate(), "peer0.org2.example.com");

        try (FabricLedger ledger = FabricLedger.connect(credentials.settings("127.0.0.1:" + port, wrongName))) {
            assertThatThrownBy(() -> ledger.anchor(firstAnchor("window 1")))
                    .isInstanceOfSatisfying(
                            LedgerException.class,
                            e -> assertThat(e.reason()).isEqualTo(LedgerException.Reason.UNAVAILABLE));
        }
    }

    @Test
    void shutsDownTheChannelItCreatedOnClose() throws Exception {
        int port = emulator.startOnLoopback();
        FabricLedger ledger =
                FabricLedger.connect(credentials.settings("127.0.0.1:" + port, FabricSettings.Tls.disabled()));
        ledger.anchor(firstAnchor("window 1"));

        ledger.close();

        assertThat(ledger.ownedChannel().isShutdown()).isTrue();
        assertThat(ledger.ownedChannel().isTerminated()).isTrue();
        assertThatThrownBy(() -> ledger.anchor(firstAnchor("window 2")))
                .isInstanceOfSatisfying(
                        LedgerException.class,
                        e -> assertThat(e.reason()).isEqualTo(LedgerException.Reason.UNAVAILABLE));
    }

    @Test
    void leavesAChannelItWasGivenOpenOnClose() {
        ManagedChannel channel = emulator.newInProcessChannel();
        FabricLedger ledger = FabricLedger.overChannel(
                credentials.settings("in-process:7051", FabricSettings.Tls.disabled()), channel);

        ledger.close();

        assertThat(ledger.ownedChannel()).isNull();
        assertThat(channel.isShutdown()).isFalse();
    }
}
