package org.suyuan.ledger.fabric;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the Fabric ledger is and who Suyuan is on it; the application binds {@code suyuan.ledger.fabric.*} to
 * this record.
 *
 * @param gatewayEndpoint {@code host:port} of a peer running the Fabric Gateway service (Fabric 2.4.4 or newer)
 * @param mspId the membership service provider of Suyuan's organisation, such as {@code Org1MSP}
 * @param identityCertificate PEM file of the client certificate that signs transactions (an MSP {@code
 *     signcerts} file)
 * @param privateKey PEM file of that certificate's private key; a directory is accepted when it holds exactly one
 *     file, as an MSP {@code keystore} directory does (its file name is random)
 * @param channel the channel the chaincode is committed on
 * @param chaincode the chaincode name the contract was committed under
 * @param tls how the gRPC connection is secured; {@code null} means plaintext, which only a test network accepts
 * @param deadlines how long each stage of a transaction may take; {@code null} means the defaults
 */
public record FabricSettings(
        String gatewayEndpoint,
        String mspId,
        Path identityCertificate,
        Path privateKey,
        String channel,
        String chaincode,
        Tls tls,
        Deadlines deadlines) {

    public FabricSettings {
        requireText(gatewayEndpoint, "gatewayEndpoint");
        int colon = gatewayEndpoint.lastIndexOf(':');
        if (colon < 1 || colon == gatewayEndpoint.length() - 1) {
            throw new IllegalArgumentException("gatewayEndpoint must be host:port, got " + gatewayEndpoint);
        }
        requireText(mspId, "mspId");
        Objects.requireNonNull(identityCertificate, "identityCertificate");
        Objects.requireNonNull(privateKey, "privateKey");
        requireText(channel, "channel");
        requireText(chaincode, "chaincode");
        tls = tls == null ? Tls.disabled() : tls;
        deadlines = deadlines == null ? Deadlines.defaults() : deadlines;
    }

    /**
     * Transport security towards the gateway peer.
     *
     * @param enabled whether the connection uses TLS; Fabric peers outside a test network always do
     * @param caCertificate PEM file of the CA that issued the peer's TLS certificate (required with TLS)
     * @param serverNameOverride the host name in the peer's certificate when it differs from the endpoint's, as
     *     with {@code peer0.org1.example.com} reached through {@code localhost}; {@code null} when they match
     * @param clientCertificate PEM file of Suyuan's TLS client certificate when the peer demands mutual TLS,
     *     otherwise {@code null}
     * @param clientKey PEM (PKCS#8) file of that certificate's key, given exactly when {@code clientCertificate}
     *     is
     */
    public record Tls(
            boolean enabled, Path caCertificate, String serverNameOverride, Path clientCertificate, Path clientKey) {

        public Tls {
            if (enabled && caCertificate == null) {
                throw new IllegalArgumentException("TLS needs the CA certificate of the peer's TLS certificate");
            }
            if ((clientCertificate == null) != (clientKey == null)) {
                throw new IllegalArgumentException("Mutual TLS needs both a client certificate and its key");
            }
            if (!enabled && clientCertificate != null) {
                throw new IllegalArgumentException("A TLS client certificate needs TLS to be enabled");
            }
            if (serverNameOverride != null && serverNameOverride.isBlank()) {
                serverNameOverride = null;
            }
        }

        /** Plaintext gRPC; for local test networks and the in-process emulator only. */
        public static Tls disabled() {
            return new Tls(false, null, null, null, null);
        }

        /** TLS that authenticates the peer only. */
        public static Tls serverAuthenticated(Path caCertificate, String serverNameOverride) {
            return new Tls(true, caCertificate, serverNameOverride, null, null);
        }

        /** The same TLS, also presenting a client certificate, for peers that require mutual TLS. */
        public Tls withClientCertificate(Path certificate, Path key) {
            return new Tls(enabled, caCertificate, serverNameOverride, certificate, key);
        }

        /** Whether Suyuan presents a TLS client certificate. */
        public boolean mutual() {
            return clientCertificate != null;
        }
    }

    /**
     * Deadlines per stage of a transaction. The Gateway SDK sets none by itself, so without them a call to a
     * silent peer would wait forever; each stage gets its own because their normal durations differ by orders of
     * magnitude (a query takes milliseconds, a commit waits for the orderer's next block).
     *
     * @param evaluate a query ({@code getAnchor}); default 5 s
     * @param endorse running the contract on the endorsing peers; default 15 s
     * @param submit handing the endorsed transaction to the orderer; default 5 s
     * @param commitStatus waiting until the transaction is in a committed block; default 60 s
     */
    public record Deadlines(Duration evaluate, Duration endorse, Duration submit, Duration commitStatus) {

        public static final Duration DEFAULT_EVALUATE = Duration.ofSeconds(5);
        public static final Duration DEFAULT_ENDORSE = Duration.ofSeconds(15);
        public static final Duration DEFAULT_SUBMIT = Duration.ofSeconds(5);
        public static final Duration DEFAULT_COMMIT_STATUS = Duration.ofSeconds(60);

        public Deadlines {
            evaluate = positiveOrDefault(evaluate, DEFAULT_EVALUATE, "evaluate");
            endorse = positiveOrDefault(endorse, DEFAULT_ENDORSE, "endorse");
            submit = positiveOrDefault(submit, DEFAULT_SUBMIT, "submit");
            commitStatus = positiveOrDefault(commitStatus, DEFAULT_COMMIT_STATUS, "commitStatus");
        }

        public static Deadlines defaults() {
            return new Deadlines(null, null, null, null);
        }

        private static Duration positiveOrDefault(Duration value, Duration fallback, String name) {
            if (value == null) {
                return fallback;
            }
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("The " + name + " deadline must be positive, got " + value);
            }
            return value;
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
