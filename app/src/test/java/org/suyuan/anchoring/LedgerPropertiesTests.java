package org.suyuan.anchoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.suyuan.ledger.fabric.FabricSettings;

/** {@code suyuan.ledger.*} as an operator writes it, bound, validated and turned into the adapter's settings. */
class LedgerPropertiesTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Properties.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(LedgerProperties.class)
    static class Properties {}

    @Test
    void theEmbeddedLedgerIsTheDefault() {
        context.run(started -> {
            LedgerProperties properties = started.getBean(LedgerProperties.class);
            assertThat(properties.type()).isEqualTo(LedgerProperties.Type.EMBEDDED);
            assertThat(properties.fabric()).isNull();
        });
    }

    @Test
    void fabricPropertiesBecomeTheAdaptersSettings() {
        context.withPropertyValues(
                        "suyuan.ledger.type=fabric",
                        "suyuan.ledger.fabric.endpoint=localhost:7051",
                        "suyuan.ledger.fabric.msp-id=Org1MSP",
                        "suyuan.ledger.fabric.certificate=/msp/signcerts/cert.pem",
                        "suyuan.ledger.fabric.private-key=/msp/keystore",
                        "suyuan.ledger.fabric.tls.ca-certificate=/peer/tls/ca.crt",
                        "suyuan.ledger.fabric.tls.server-name-override=peer0.org1.example.com",
                        "suyuan.ledger.fabric.tls.client-certificate=/client/tls.crt",
                        "suyuan.ledger.fabric.tls.client-key=/client/tls.key",
                        "suyuan.ledger.fabric.deadlines.commit-status=2m")
                .run(started -> {
                    FabricSettings settings =
                            started.getBean(LedgerProperties.class).fabricSettings();
                    assertThat(settings.gatewayEndpoint()).isEqualTo("localhost:7051");
                    assertThat(settings.mspId()).isEqualTo("Org1MSP");
                    assertThat(settings.privateKey()).isEqualTo(Path.of("/msp/keystore"));
                    assertThat(settings.channel()).isEqualTo("mychannel");
                    assertThat(settings.chaincode()).isEqualTo("suyuan");
                    assertThat(settings.tls().enabled()).isTrue();
                    assertThat(settings.tls().mutual()).isTrue();
                    assertThat(settings.tls().serverNameOverride()).isEqualTo("peer0.org1.example.com");
                    assertThat(settings.deadlines().commitStatus()).isEqualTo(Duration.ofMinutes(2));
                    assertThat(settings.deadlines().endorse()).isEqualTo(Duration.ofSeconds(15));
                });
    }

    @Test
    void fabricWithoutItsSettingsSaysWhichAreMissing() {
        context.withPropertyValues("suyuan.ledger.type=fabric")
                .run(started -> assertThatThrownBy(
                                () -> started.getBean(LedgerProperties.class).fabricSettings())
                        .hasMessageContaining("suyuan.ledger.fabric.endpoint"));
    }

    @Test
    void aBlankEndpointIsRefusedAtStartup() {
        context.withPropertyValues(
                        "suyuan.ledger.fabric.endpoint= ",
                        "suyuan.ledger.fabric.msp-id=Org1MSP",
                        "suyuan.ledger.fabric.certificate=/cert.pem",
                        "suyuan.ledger.fabric.private-key=/key.pem")
                .run(started -> assertThat(started).getFailure().rootCause().hasMessageContaining("endpoint"));
    }
}
