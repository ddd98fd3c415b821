package org.suyuan.ledger.fabric;

import static org.junit.jupiter.api.Assertions.fail;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.hyperledger.fabric.protos.common.BlockchainInfo;
import org.junit.jupiter.api.Assumptions;
import org.suyuan.ledger.AnchorReceipt;
import org.suyuan.ledger.AnchorRequest;
import org.suyuan.ledger.RecordHash;

/**
 * A real Hyperledger Fabric network on loopback, brought up by the project's {@code fabric/network.sh}: one
 * orderer, the operator's peer ({@value #OPERATOR_MSP}) and the bureau's peer ({@value #BUREAU_MSP}), each with its
 * own copy of the contract running as a service, and the endorsement policy AND(operator, bureau).
 *
 * <p>Which network: the one named by {@code SUYUAN_FABRIC_NETWORK} (a directory {@code network.sh up} wrote, left
 * running by whoever started it); otherwise, when Fabric binaries are found ({@code FABRIC_BIN}), one brought up
 * once per test JVM under {@code target/fabric-network} and taken down when the JVM exits. Without either the
 * calling test is skipped with a message, unless {@code SUYUAN_REQUIRE_EXTERNAL=true} (CI), which fails it.
 *
 * <p>Tests may stop and start components ({@link Component}); each test restarts what it stopped, so the next
 * finds the whole network running.
 */
public final class FabricNetwork {

    public static final String OPERATOR_MSP = "SuyuanMSP";
    public static final String BUREAU_MSP = "BureauMSP";

    private static final String NETWORK_VARIABLE = "SUYUAN_FABRIC_NETWORK";
    private static final String BINARIES_VARIABLE = "FABRIC_BIN";
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(5);

    private static FabricNetwork shared;

    /** The parts of the network a test can stop and start, by their names in {@code network.sh}. */
    public enum Component {
        ORDERER("orderer"),
        OPERATOR_PEER("peer-suyuan"),
        BUREAU_PEER("peer-bureau"),
        OPERATOR_CONTRACT("chaincode-suyuan"),
        BUREAU_CONTRACT("chaincode-bureau");

        private final String scriptName;

        Component(String scriptName) {
            this.scriptName = scriptName;
        }
    }

    private final Path script;
    private final Path directory;
    private final Map<String, String> environment;

    private FabricNetwork(Path script, Path directory) {
        this.script = script;
        this.directory = directory;
        this.environment = readEnvironment(directory.resolve("network.env"));
    }

    /** The network of this JVM, brought up on first use; skips or fails the calling test where none can run. */
    public static synchronized FabricNetwork shared() {
        if (shared == null) {
            shared = locate();
        }
        return shared;
    }

    /** Whether tests that need a Fabric network can run here, decided without starting one. */
    public static boolean available() {
        return isSet(NETWORK_VARIABLE) || isSet(BINARIES_VARIABLE);
    }

    /** The reason the Fabric tests do not run here, for skip messages. */
    public static String unavailableReason() {
        return "no Fabric network: set " + NETWORK_VARIABLE + " to a directory of a running `fabric/network.sh up`, or "
                + BINARIES_VARIABLE + " to the directory of the Fabric binaries (peer, orderer, configtxgen, "
                + "cryptogen, osnadmin) so that the tests bring one up";
    }

    private static FabricNetwork locate() {
        Path script = projectDirectory().resolve("fabric/network.sh");
        if (isSet(NETWORK_VARIABLE)) {
            return new FabricNetwork(script, Path.of(System.getenv(NETWORK_VARIABLE)));
        }
        if (!isSet(BINARIES_VARIABLE)) {
            if (Boolean.parseBoolean(System.getenv("SUYUAN_REQUIRE_EXTERNAL"))) {
                fail("SUYUAN_REQUIRE_EXTERNAL=true, but " + unavailableReason());
            }
            System.out.println("[SKIPPED] " + unavailableReason());
            Assumptions.abort(unavailableReason());
        }
        Path directory = Path.of("target", "fabric-network").toAbsolutePath();
        deleteLeftover(script, directory);
        try {
            run(script, List.of("up", directory.toString()));
        } catch (IllegalStateException firstTry) {
            // On a busy machine another process can take a port between the script's choice and a component's
            // bind; the script then stops what it started, and a second try picks other ports.
            System.out.println("[fabric] network did not come up, trying once more: " + firstTry.getMessage());
            deleteLeftover(script, directory);
            run(script, List.of("up", directory.toString()));
        }
        FabricNetwork network = new FabricNetwork(script, directory);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> run(script, List.of("down", directory.toString())), "fabric-down"));
        return network;
    }

    /** A previous run killed before its shutdown hook leaves a directory (and maybe processes) behind. */
    private static void deleteLeftover(Path script, Path directory) {
        if (Files.exists(directory.resolve("network.env"))) {
            run(script, List.of("down", directory.toString()));
        } else if (Files.exists(directory)) {
            try (var files = Files.walk(directory)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Stops a component and waits until it has exited. */
    public void stop(Component component) {
        run(script, List.of("stop", component.scriptName, directory.toString()));
    }

    /** Starts a stopped component and waits until it serves again (a peer on its channel, a contract answering). */
    public void start(Component component) {
        run(script, List.of("start", component.scriptName, directory.toString()));
    }

    /**
     * Waits until both organisations endorse again, by anchoring probe roots until one commits. A restarted peer
     * serves at once, but the other organisation's gateway sees it only after a few gossip rounds.
     */
    public void awaitEndorsements() {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        try (FabricLedger operator = FabricLedger.connect(operatorSettings())) {
            while (true) {
                Instant now = Instant.now();
                try {
                    operator.anchor(new AnchorRequest(
                            RecordHash.sha256(("probe " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)),
                            1,
                            Optional.empty(),
                            now,
                            now));
                    return;
                } catch (org.suyuan.ledger.LedgerException notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(
                                "The network does not endorse a minute after a restart", notYet);
                    }
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** The directory {@code network.sh up} wrote: configuration, identities, logs. */
    public Path directory() {
        return directory;
    }

    /** How long the orderer waits before cutting a block: the least time a commit takes. */
    public Duration batchTimeout() {
        return Duration.parse("PT" + environment.get("BATCH_TIMEOUT").toUpperCase(java.util.Locale.ROOT));
    }

    /** The operator's client identity on the operator's gateway peer: what the Suyuan application uses. */
    public FabricSettings operatorSettings() {
        return settings("SUYUAN");
    }

    /** A client of the bureau on the bureau's own peer: the copy of the ledger the operator does not control. */
    public FabricSettings bureauSettings() {
        return settings("BUREAU");
    }

    /** The application's {@code suyuan.ledger.*} settings for this network. */
    public Path applicationProperties() {
        return directory.resolve("suyuan-app.properties");
    }

    /** The offline verifier's {@code --fabric} settings as a client of the bureau, asking the bureau's peer. */
    public Path bureauVerifierProperties() {
        return directory.resolve("bureau-fabric.properties");
    }

    /** The application's {@code suyuan.ledger.*} settings as name-value pairs, for a Spring test's registry. */
    public Map<String, String> applicationSettings() {
        Map<String, String> settings = new HashMap<>();
        for (String line : readLines(applicationProperties())) {
            int equals = line.indexOf('=');
            if (!line.startsWith("#") && equals > 0) {
                settings.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return settings;
    }

    /** A Gateway SDK connection as a client of one organisation; closing it shuts its gRPC channel down. */
    public record Connection(Gateway gateway, ManagedChannel channel, FabricSettings settings)
            implements AutoCloseable {

        public org.hyperledger.fabric.client.Contract contract() {
            return gateway.getNetwork(settings.channel()).getContract(settings.chaincode());
        }

        @Override
        public void close() {
            gateway.close();
            channel.shutdownNow();
            try {
                channel.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Connects with the Gateway SDK directly, for what the adapter deliberately cannot do (skip an endorser). */
    public static Connection connect(FabricSettings settings) {
        try {
            ManagedChannel channel = Grpc.newChannelBuilder(
                            settings.gatewayEndpoint(),
                            TlsChannelCredentials.newBuilder()
                                    .trustManager(settings.tls().caCertificate().toFile())
                                    .build())
                    .build();
            X509Identity identity;
            java.security.PrivateKey key;
            try (Reader certificate = Files.newBufferedReader(settings.identityCertificate());
                    Stream<Path> keys = Files.list(settings.privateKey());
                    Reader keyFile = Files.newBufferedReader(keys.findFirst().orElseThrow())) {
                identity = new X509Identity(settings.mspId(), Identities.readX509Certificate(certificate));
                key = Identities.readPrivateKey(keyFile);
            }
            Gateway gateway = Gateway.newInstance()
                    .identity(identity)
                    .signer(Signers.newPrivateKeySigner(key))
                    .connection(channel)
                    .evaluateOptions(options -> options.withDeadlineAfter(10, TimeUnit.SECONDS))
                    .endorseOptions(options -> options.withDeadlineAfter(30, TimeUnit.SECONDS))
                    .submitOptions(options -> options.withDeadlineAfter(10, TimeUnit.SECONDS))
                    .commitStatusOptions(options -> options.withDeadlineAfter(60, TimeUnit.SECONDS))
                    .connect();
            return new Connection(gateway, channel, settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The number of blocks on the channel, as the bureau's peer has it. */
    public long blockHeight() {
        try (Connection bureau = connect(bureauSettings())) {
            byte[] info = bureau.gateway()
                    .getNetwork(bureau.settings().channel())
                    .getContract("qscc")
                    .evaluateTransaction("GetChainInfo", bureau.settings().channel());
            return BlockchainInfo.parseFrom(info).getHeight();
        } catch (GatewayException | IOException e) {
            throw new IllegalStateException("Cannot read the channel height from the bureau's peer", e);
        }
    }

    /**
     * Every anchor the contract stored from block {@code startBlock} on, in ledger order, read from its {@code
     * AnchorRecorded} events on the bureau's peer. A marker anchor, anchored last, closes the range (event streams
     * never end by themselves) and is not returned.
     */
    public List<AnchorReceipt> anchorsStoredSince(long startBlock) {
        Instant now = Instant.now();
        AnchorRequest marker = new AnchorRequest(
                RecordHash.sha256(("marker " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)),
                1,
                Optional.empty(),
                now,
                now);
        try (FabricLedger operator = FabricLedger.connect(operatorSettings())) {
            operator.anchor(marker);
        }
        List<AnchorReceipt> anchors = new ArrayList<>();
        try (Connection bureau = connect(bureauSettings());
                CloseableIterator<ChaincodeEvent> events = bureau.gateway()
                        .getNetwork(bureau.settings().channel())
                        .newChaincodeEventsRequest(bureau.settings().chaincode())
                        .startBlock(startBlock)
                        .build()
                        .getEvents(options -> options.withDeadlineAfter(2, TimeUnit.MINUTES))) {
            while (events.hasNext()) {
                ChaincodeEvent event = events.next();
                StoredAnchor stored = StoredAnchor.parse(event.getPayload());
                if (stored.request().root().equals(marker.root())) {
                    return anchors;
                }
                anchors.add(stored.receipt(event.getBlockNumber()));
            }
        }
        throw new IllegalStateException("The event stream ended before the marker anchor " + marker.root());
    }

    private FabricSettings settings(String organisation) {
        return new FabricSettings(
                environment.get(organisation + "_PEER_ENDPOINT"),
                environment.get(organisation + "_MSP_ID"),
                Path.of(environment.get(organisation + "_USER_CERTIFICATE")),
                Path.of(environment.get(organisation + "_USER_KEY")),
                environment.get("CHANNEL"),
                environment.get("CHAINCODE"),
                FabricSettings.Tls.serverAuthenticated(Path.of(environment.get(organisation + "_PEER_TLS_CA")), null),
                null);
    }

    private static Map<String, String> readEnvironment(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: is a network up in " + file.getParent() + "?");
        }
        Map<String, String> values = new HashMap<>();
        for (String line : readLines(file)) {
            int equals = line.indexOf('=');
            if (!line.startsWith("#") && equals > 0) {
                String value = line.substring(equals + 1);
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                values.put(line.substring(0, equals), value);
            }
        }
        return values;
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(Path script, List<String> arguments) {
        List<String> command = new java.util.ArrayList<>();
        command.add("bash");
        command.add(script.toString());
        command.addAll(arguments);
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output;
            try (InputStream stream = process.getInputStream()) {
                output = stream.readAllBytes();
            }
            if (!process.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("network.sh " + arguments + " did not finish in " + SCRIPT_TIMEOUT);
            }
            String text = new String(output, StandardCharsets.UTF_8);
            System.out.print(text);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        "network.sh " + arguments + " failed with exit code " + process.exitValue() + ":\n" + text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running network.sh " + arguments, e);
        }
    }

    private static Path projectDirectory() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.isRegularFile(directory.resolve("fabric/network.sh"))) {
            directory = directory.getParent();
        }
        if (directory == null) {
            throw new IllegalStateException(
                    "fabric/network.sh not found above " + Path.of("").toAbsolutePath());
        }
        return directory;
    }

    private static boolean isSet(String variable) {
        String value = System.getenv(variable);
        return value != null && !value.isBlank();
    }
}
