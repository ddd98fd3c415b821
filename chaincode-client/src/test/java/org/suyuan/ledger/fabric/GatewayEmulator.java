package org.suyuan.ledger.fabric;

import com.google.protobuf.ByteString;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * A Fabric network in one object, for tests: a peer's Gateway gRPC service (Endorse, Submit, CommitStatus,
 * Evaluate, ChaincodeEvents) that runs the real Suyuan contract class over an in-memory world state, with an
 * orderer that cuts blocks and a committer that validates them (MVCC read conflicts, duplicate transaction ids).
 * Clients talk to it with the real Gateway SDK, so signing, envelopes, deadlines and error mapping are exercised
 * as against a network.
 *
 * <p>Start it in process (fast, for unit tests) or on a loopback port, plaintext or TLS, so that an application
 * can be pointed at it through its {@code suyuan.ledger.fabric.*} settings:
 *
 * <pre>{@code
 * try (GatewayEmulator emulator = GatewayEmulator.create()) {
 *     FabricLedger ledger = FabricLedger.overChannel(settings, emulator.newInProcessChannel());
 *     // or: int port = emulator.startOnLoopback(credentials, false);
 *     //     FabricLedger.connect(credentials.settings("127.0.0.1:" + port, credentials.serverAuthenticatedTls()));
 * }
 * }</pre>
 *
 * <p>Faults can be switched on at any time: an unreachable gateway, slow answers per call, a read conflict for the
 * next commit, or a connection that drops right after a transaction was sent for ordering.
 *
 * <p>What it does not prove: MSP and ACL checks, endorsement policies, real TLS against a Fabric peer, Fabric's
 * block hashing; an acceptance run on a real network covers those.
 */
public final class GatewayEmulator implements AutoCloseable {

    public static final String DEFAULT_CHANNEL = "mychannel";
    public static final String DEFAULT_CHAINCODE = "suyuan";

    /** The gateway calls, for per-call faults. */
    public enum Rpc {
        ENDORSE,
        SUBMIT,
        COMMIT_STATUS,
        EVALUATE,
        CHAINCODE_EVENTS
    }

    /**
     * A transaction as the emulated committer validated it.
     *
     * @param validationCode Fabric's validation code name, such as {@code VALID} or {@code MVCC_READ_CONFLICT}
     * @param eventName the chaincode event of a valid transaction, or {@code null}
     */
    public record CommittedTransaction(
            String transactionId, long blockNumber, String validationCode, String chaincode, String eventName) {

        public boolean valid() {
            return TxValidationCode.VALID.name().equals(validationCode);
        }
    }

    private final String channel;
    private final String chaincode;
    private final EmulatedLedger ledger;
    private final EmulatorFaults faults = new EmulatorFaults();
    private final EmulatedGatewayService service;
    private final List<Server> servers = new CopyOnWriteArrayList<>();
    private final List<ManagedChannel> inProcessChannels = new CopyOnWriteArrayList<>();
    private String inProcessName;

    private GatewayEmulator(Builder builder) {
        this.channel = builder.channel;
        this.chaincode = builder.chaincode;
        this.ledger = new EmulatedLedger(builder.channel, builder.batchTimeout, builder.maxTransactionsPerBlock);
        try {
            KeyPair peerKeys = TestCredentials.newKeyPair();
            SerializedIdentity peerIdentity = SerializedIdentity.newBuilder()
                    .setMspid(TestCredentials.MSP_ID)
                    .setIdBytes(ByteString.copyFromUtf8(TestCredentials.pem(TestCredentials.selfSigned(
                            "CN=" + TestCredentials.PEER_HOST_NAME + ",OU=peer,O=org1.example.com", peerKeys))))
                    .build();
            this.service =
                    new EmulatedGatewayService(channel, chaincode, ledger, faults, peerIdentity, peerKeys.getPrivate());
        } catch (Exception e) {
            ledger.close();
            throw new IllegalStateException("Cannot create the emulated peer's identity", e);
        }
    }

    /** An emulator for chaincode {@value #DEFAULT_CHAINCODE} on channel {@value #DEFAULT_CHANNEL}. */
    public static GatewayEmulator create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Channel, chaincode name and block cutting; defaults suit fast tests. */
    public static final class Builder {
        private String channel = DEFAULT_CHANNEL;
        private String chaincode = DEFAULT_CHAINCODE;
        private Duration batchTimeout = Duration.ofMillis(20);
        private int maxTransactionsPerBlock = 10;

        private Builder() {}

        public Builder channel(String channel) {
            this.channel = Objects.requireNonNull(channel);
            return this;
        }

        public Builder chaincode(String chaincode) {
            this.chaincode = Objects.requireNonNull(chaincode);
            return this;
        }

        /** How long the orderer waits for more transactions before cutting a block (Fabric: BatchTimeout). */
        public Builder batchTimeout(Duration batchTimeout) {
            this.batchTimeout = Objects.requireNonNull(batchTimeout);
            return this;
        }

        /** How many transactions make a full block (Fabric: BatchSize.MaxMessageCount). */
        public Builder maxTransactionsPerBlock(int maxTransactionsPerBlock) {
            if (maxTransactionsPerBlock < 1) {
                throw new IllegalArgumentException("A block holds at least one transaction");
            }
            this.maxTransactionsPerBlock = maxTransactionsPerBlock;
            return this;
        }

        public GatewayEmulator build() {
            return new GatewayEmulator(this);
        }
    }

    /** Starts the in-process server (once) and returns its name for {@link InProcessChannelBuilder}. */
    public synchronized String startInProcess() {
        if (inProcessName == null) {
            String name = "fabric-gateway-emulator-" + UUID.randomUUID();
            start(InProcessServerBuilder.forName(name).addService(service).build());
            inProcessName = name;
        }
        return inProcessName;
    }

    /** A new client channel to the in-process server; the emulator shuts it down on close. */
    public ManagedChannel newInProcessChannel() {
        ManagedChannel channel =
                InProcessChannelBuilder.forName(startInProcess()).build();
        inProcessChannels.add(channel);
        return channel;
    }

    /** Serves plaintext gRPC on a free port of 127.0.0.1 and returns the port. */
    public int startOnLoopback() {
        return startOnLoopback(InsecureServerCredentials.create());
    }

    /**
     * Serves TLS on a free port of 127.0.0.1 with the credentials' server certificate and returns the port.
     *
     * @param requireClientCertificate whether clients must present a certificate from the credentials' CA
     */
    public int startOnLoopback(TestCredentials credentials, boolean requireClientCertificate) {
        try {
            TlsServerCredentials.Builder tls = TlsServerCredentials.newBuilder()
                    .keyManager(
                            credentials.serverCertificate().toFile(),
                            credentials.serverKey().toFile());
            if (requireClientCertificate) {
                tls.trustManager(credentials.caCertificate().toFile())
                        .clientAuth(TlsServerCredentials.ClientAuth.REQUIRE);
            }
            return startOnLoopback(tls.build());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the emulator's TLS files", e);
        }
    }

    private int startOnLoopback(ServerCredentials credentials) {
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0), credentials)
                .addService(service)
                .build();
        start(server);
        return server.getPort();
    }

    private void start(Server server) {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the gateway emulator", e);
        }
        servers.add(server);
    }

    public String channel() {
        return channel;
    }

    public String chaincode() {
        return chaincode;
    }

    // Faults

    /** Every call fails with {@code UNAVAILABLE} until {@link #makeAvailable()}. */
    public void makeUnavailable() {
        faults.unavailableUntil(Instant.MAX);
    }

    /** Every call fails with {@code UNAVAILABLE} for the given time. */
    public void makeUnavailableFor(Duration outage) {
        faults.unavailableUntil(Instant.now().plus(outage));
    }

    public void makeAvailable() {
        faults.unavailableUntil(null);
    }

    /** Holds every call of one kind for the given time before handling it; {@link Duration#ZERO} removes it. */
    public void delay(Rpc rpc, Duration delay) {
        faults.delay(rpc, delay);
    }

    public void clearDelays() {
        faults.clearDelays();
    }

    /** The next transaction validated is committed as {@code MVCC_READ_CONFLICT}, and its writes discarded. */
    public void forceMvccReadConflictOnNextCommit() {
        ledger.forceReadConflictOnNextCommit();
    }

    /**
     * The next Submit hands the transaction to ordering (it will commit) but then fails with {@code
     * UNAVAILABLE}, as when the connection drops before the answer: the client cannot know that it succeeded.
     */
    public void crashAfterNextSubmit() {
        faults.crashAfterNextSubmit();
    }

    // Inspection

    /** Every transaction the committer has validated, in block order. */
    public List<CommittedTransaction> committedTransactions() {
        return ledger.transactions().stream()
                .map(record -> new CommittedTransaction(
                        record.transactionId(),
                        record.blockNumber(),
                        record.code().name(),
                        record.chaincode(),
                        record.event().map(event -> event.getEventName()).orElse(null)))
                .toList();
    }

    /** Waits until a transaction is committed (valid or not) and returns how it was validated. */
    public CommittedTransaction awaitCommit(String transactionId, Duration timeout) {
        try {
            ledger.commitOf(transactionId).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + transactionId, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Transaction " + transactionId + " did not commit in " + timeout, e);
        }
        return committedTransactions().stream()
                .filter(transaction -> transaction.transactionId().equals(transactionId))
                .findFirst()
                .orElseThrow();
    }

    /** The number of blocks, including the genesis block 0. */
    public long blockHeight() {
        return ledger.height();
    }

    /** The chaincode's committed world state, values as UTF-8 text, sorted by key. */
    public Map<String, String> worldState() {
        Map<String, String> state = new TreeMap<>();
        ledger.state(chaincode).forEach((key, value) -> state.put(key, new String(value, StandardCharsets.UTF_8)));
        return state;
    }

    /** Stops the servers, the in-process client channels and the block cutter. */
    @Override
    public void close() {
        inProcessChannels.forEach(ManagedChannel::shutdownNow);
        servers.forEach(Server::shutdownNow);
        for (Server server : servers) {
            try {
                server.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ledger.close();
    }
}
