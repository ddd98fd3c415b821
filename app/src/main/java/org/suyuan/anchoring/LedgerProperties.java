package org.suyuan.anchoring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import org.suyuan.ledger.fabric.FabricSettings;

/**
 * Which ledger anchors the roots: {@code suyuan.ledger.*}.
 *
 * @param type {@code embedded} (the default: an anchor log in the application's database, for one machine and
 *     for trying the service) or {@code fabric} (Hyperledger Fabric through the Gateway SDK, for production)
 * @param submitter the name the embedded ledger records as submitter of every anchor
 * @param fabric where the Fabric network is and who Suyuan is on it; required with {@code type=fabric}
 */
@Validated
@ConfigurationProperties("suyuan.ledger")
record LedgerProperties(
        @DefaultValue("embedded") Type type,
        @DefaultValue("suyuan") @NotBlank String submitter,
        @Valid Fabric fabric) {

    enum Type {
        EMBEDDED,
        FABRIC
    }

    /** The Fabric settings, checked; fails with the names of the missing properties. */
    FabricSettings fabricSettings() {
        if (fabric == null) {
            throw new IllegalStateException("suyuan.ledger.type=fabric needs suyuan.ledger.fabric.endpoint, .msp-id,"
                    + " .certificate, .private-key, .channel and .chaincode (see README, \"Anchoring on Fabric\")");
        }
        return fabric.settings();
    }

    /**
     * {@code suyuan.ledger.fabric.*}.
     *
     * @param endpoint {@code host:port} of a peer running the Fabric Gateway service, such as {@code
     *     localhost:7051}
     * @param mspId Suyuan's organisation on the network, such as {@code Org1MSP}
     * @param certificate PEM file of the client certificate that signs transactions (an MSP's {@code signcerts}
     *     file)
     * @param privateKey PEM file of its private key, or the MSP {@code keystore} directory holding only that file
     * @param channel the channel the chaincode is committed on
     * @param chaincode the name the Suyuan contract was committed under
     */
    record Fabric(
            @NotBlank String endpoint,
            @NotBlank String mspId,
            @NotNull Path certificate,
            @NotNull Path privateKey,
            @DefaultValue("mychannel") @NotBlank String channel,
            @DefaultValue("suyuan") @NotBlank String chaincode,
            @Valid @DefaultValue Tls tls,
            @Valid @DefaultValue Deadlines deadlines) {

        FabricSettings settings() {
            return new FabricSettings(
                    endpoint,
                    mspId,
                    certificate,
                    privateKey,
                    channel,
                    chaincode,
                    new FabricSettings.Tls(
                            tls.enabled(),
                            tls.caCertificate(),
                            tls.serverNameOverride(),
                            tls.clientCertificate(),
                            tls.clientKey()),
                    new FabricSettings.Deadlines(
                            deadlines.evaluate(), deadlines.endorse(), deadlines.submit(), deadlines.commitStatus()));
        }
    }

    /**
     * {@code suyuan.ledger.fabric.tls.*}: TLS towards the gateway peer, on by default as every Fabric network
     * outside a laptop demands.
     *
     * @param caCertificate PEM file of the CA that issued the peer's TLS certificate (the peer's {@code tls/ca.crt})
     * @param serverNameOverride the host name in the peer's certificate when the endpoint names another, such as
     *     {@code peer0.org1.example.com} reached as {@code localhost}
     * @param clientCertificate for mutual TLS: PEM file of Suyuan's TLS client certificate
     * @param clientKey for mutual TLS: PEM (PKCS#8) file of that certificate's key
     */
    record Tls(
            @DefaultValue("true") boolean enabled,
            Path caCertificate,
            String serverNameOverride,
            Path clientCertificate,
            Path clientKey) {}

    /**
     * {@code suyuan.ledger.fabric.deadlines.*}: how long each stage of a transaction may take. The Gateway SDK has
     * no defaults of its own, so a silent peer would otherwise hold the worker forever.
     */
    record Deadlines(
            @DefaultValue("5s") Duration evaluate,
            @DefaultValue("15s") Duration endorse,
            @DefaultValue("5s") Duration submit,
            @DefaultValue("60s") Duration commitStatus) {}
}
