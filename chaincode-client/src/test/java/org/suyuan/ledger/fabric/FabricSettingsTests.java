package org.suyuan.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FabricSettingsTests {

    private static final Path CERTIFICATE = Path.of("msp/signcerts/cert.pem");
    private static final Path KEY = Path.of("msp/keystore");

    @Test
    void defaultsToPlaintextAndTheDocumentedDeadlines() {
        FabricSettings settings =
                new FabricSettings("localhost:7051", "Org1MSP", CERTIFICATE, KEY, "mychannel", "suyuan", null, null);

        assertThat(settings.tls().enabled()).isFalse();
        assertThat(settings.deadlines())
                .isEqualTo(new FabricSettings.Deadlines(
                        Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(5), Duration.ofSeconds(60)));
    }

    @Test
    void keepsDeadlinesThatAreSetAndDefaultsTheOthers() {
        FabricSettings.Deadlines deadlines = new FabricSettings.Deadlines(null, Duration.ofSeconds(30), null, null);

        assertThat(deadlines.endorse()).isEqualTo(Duration.ofSeconds(30));
        assertThat(deadlines.commitStatus()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void refusesAnEndpointWithoutPort() {
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        new FabricSettings("localhost", "Org1MSP", CERTIFICATE, KEY, "mychannel", "suyuan", null, null))
                .withMessageContaining("host:port");
    }

    @Test
    void refusesBlankNames() {
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        new FabricSettings("localhost:7051", " ", CERTIFICATE, KEY, "mychannel", "suyuan", null, null));
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        new FabricSettings("localhost:7051", "Org1MSP", CERTIFICATE, KEY, "", "suyuan", null, null));
    }

    @Test
    void refusesTlsWithoutTheCaCertificate() {
        assertThatIllegalArgumentException().isThrownBy(() -> new FabricSettings.Tls(true, null, null, null, null));
    }

    @Test
    void refusesAClientCertificateWithoutItsKey() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new FabricSettings.Tls(true, Path.of("ca.pem"), null, Path.of("client.pem"), null));
    }

    @Test
    void refusesANonPositiveDeadline() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new FabricSettings.Deadlines(Duration.ZERO, null, null, null));
    }

    @Test
    void treatsABlankServerNameOverrideAsNone() {
        FabricSettings.Tls tls = FabricSettings.Tls.serverAuthenticated(Path.of("ca.pem"), "");

        assertThat(tls.serverNameOverride()).isNull();
        assertThat(tls.withClientCertificate(Path.of("client.pem"), Path.of("client-key.pem"))
                        .mutual())
                .isTrue();
    }
}
