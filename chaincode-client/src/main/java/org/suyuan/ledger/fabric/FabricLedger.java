package org.suyuan.ledger.fabric;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.hyperledger.fabric.protos.common.Block;
import org.suyuan.ledger.AnchorReceipt;
import org.suyuan.ledger.AnchorRequest;
import org.suyuan.ledger.Ledger;
import org.suyuan.ledger.LedgerException;
import org.suyuan.ledger.RecordHash;

/**
 * Anchors Merkle roots on Hyperledger Fabric through the Fabric Gateway: the production {@link Ledger}.
 *
 * <p>Anchoring is safe to repeat. The contract returns the stored anchor when the same content is anchored
 * again, so a worker that crashed after submitting, or timed out waiting for the commit, just anchors the same
 * request again and gets the first transaction's receipt back; it never creates a second anchor. When two
 * submissions of one root race into the same block, the loser is committed as an MVCC read conflict; this
 * adapter then reads the root back and reports success if the winner stored the same content.
 *
 * <p>Receipts always describe the transaction that stored the anchor: its id, its timestamp and its block, which
 * is looked up with the standard ledger query chaincode ({@code qscc GetBlockByTxID}) when it is not the caller's
 * own transaction, because the contract cannot know its block number.
 *
 * <p>Instances are thread-safe; share one per application. {@link #close()} shuts the gRPC channel down when this
 * ledger created it (the Gateway SDK's own close leaves channels open).
 */
public final class FabricLedger implements Ledger {

    private static final String ANCHOR = "anchor";
    private static final String GET_ANCHOR = "getAnchor";
    private static final String QUERY_SYSTEM_CHAINCODE = "qscc";
    private static final String GET_BLOCK_BY_TRANSACTION_ID = "GetBlockByTxID";
    private static final Duration CHANNEL_SHUTDOWN_GRACE = Duration.ofSeconds(5);

    private final FabricSettings settings;
    private final ManagedChannel ownedChannel;
    private final Gateway gateway;
    private final Contract contract;
    private final Contract ledgerQueries;
    private final GatewayErrors errors = new GatewayErrors();
    private final LongAdder replays = new LongAdder();

    private FabricLedger(FabricSettings settings, Channel channel, ManagedChannel ownedChannel) {
        this.settings = settings;
        this.ownedChannel = ownedChannel;
        this.gateway = connectGateway(settings, channel);
        this.contract = gateway.getNetwork(settings.channel()).getContract(settings.chaincode());
        this.ledgerQueries = gateway.getNetwork(settings.channel()).getContract(QUERY_SYSTEM_CHAINCODE);
    }

    /**
     * Opens a gRPC channel to the gateway peer as the settings describe (plaintext, TLS or mutual TLS) and a
     * ledger that owns it. No call is made yet: an unreachable peer shows up on the first anchor or lookup.
     *
     * @throws IllegalArgumentException if a certificate or key file cannot be read
     */
    public static FabricLedger connect(FabricSettings settings) {
        ManagedChannel channel = newChannel(settings);
        try {
            return new FabricLedger(settings, channel, channel);
        } catch (RuntimeException e) {
            channel.shutdownNow();
            throw e;
        }
    }

    /**
     * A ledger over a gRPC channel the caller created and keeps owning ({@link #close()} leaves it open); the
     * settings' endpoint and TLS parts are not used. Meant for tests against an in-process gateway and for
     * callers that share one channel between several clients.
     */
    public static FabricLedger overChannel(FabricSettings settings, Channel channel) {
        return new FabricLedger(settings, channel, null);
    }

    @Override
    public AnchorReceipt anchor(AnchorRequest request) {
        Proposal proposal = contract.newProposal(ANCHOR)
                .addArguments(
                        request.root().hex(),
                        Long.toString(request.leafCount()),
                        request.previousRoot().map(RecordHash::hex).orElse(""),
                        request.windowStart().toString(),
                        request.windowEnd().toString())
                .build();
        try {
            SubmittedTransaction submitted = proposal.endorse().submitAsync();
            Status status = submitted.getStatus();
            if (!status.isSuccessful()) {
                return afterInvalidCommit(request, status);
            }
            StoredAnchor stored = readAnchor(submitted.getResult(), proposal.getTransactionId());
            if (!stored.request().equals(request)) {
                throw LedgerException.conflict(
                        request.root(),
                        "the contract returned different content " + stored.request(),
                        proposal.getTransactionId());
            }
            if (stored.transactionId().equals(status.getTransactionId())) {
                return stored.receipt(status.getBlockNumber());
            }
            replays.increment();
            return stored.receipt(blockNumberOf(stored.transactionId(), request.root()));
        } catch (EndorseException | SubmitException | CommitStatusException e) {
            throw errors.translate(e, request.root());
        }
    }

    @Override
    public Optional<AnchorReceipt> find(RecordHash root) {
        byte[] json;
        try {
            json = contract.evaluateTransaction(GET_ANCHOR, root.hex());
        } catch (GatewayException e) {
            if (errors.isAnchorNotFound(e)) {
                return Optional.empty();
            }
            throw errors.translate(e, root);
        }
        StoredAnchor stored = readAnchor(json, null);
        return Optional.of(stored.receipt(blockNumberOf(stored.transactionId(), root)));
    }

    /** Each replay committed a transaction of its own (valid and storing nothing, or invalid after a race). */
    @Override
    public long replays() {
        return replays.sum();
    }

    @Override
    public String kind() {
        return "fabric";
    }

    @Override
    public void close() {
        gateway.close();
        if (ownedChannel == null) {
            return;
        }
        ownedChannel.shutdown();
        try {
            if (!ownedChannel.awaitTermination(CHANNEL_SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                ownedChannel.shutdownNow();
            }
        } catch (InterruptedException e) {
            ownedChannel.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "FabricLedger[" + settings.gatewayEndpoint() + ", channel " + settings.channel() + ", chaincode "
                + settings.chaincode() + "]";
    }

    /** The channel this ledger created and will shut down, or {@code null} when the caller owns it. */
    ManagedChannel ownedChannel() {
        return ownedChannel;
    }

    /**
     * A read conflict is the one invalid commit that may hide a success: another submission of the same root won
     * the race. Reading the root back tells which it was.
     */
    private AnchorReceipt afterInvalidCommit(AnchorRequest request, Status status) {
        LedgerException failure = errors.commitFailed(status.getTransactionId(), status.getCode(), null);
        if (failure.reason() != LedgerException.Reason.CONCURRENT_UPDATE) {
            throw failure;
        }
        Optional<AnchorReceipt> stored;
        try {
            stored = find(request.root());
        } catch (LedgerException rereadFailure) {
            failure.addSuppressed(rereadFailure);
            throw failure;
        }
        if (stored.isEmpty()) {
            throw failure;
        }
        if (!stored.get().request().equals(request)) {
            throw LedgerException.conflict(
                    request.root(),
                    "transaction " + stored.get().transactionId() + " stored different content first",
                    status.getTransactionId());
        }
        replays.increment();
        return stored.get();
    }

    private long blockNumberOf(String transactionId, RecordHash root) {
        try {
            byte[] block =
                    ledgerQueries.evaluateTransaction(GET_BLOCK_BY_TRANSACTION_ID, settings.channel(), transactionId);
            return Block.parseFrom(block).getHeader().getNumber();
        } catch (GatewayException e) {
            throw errors.translate(e, root);
        } catch (IOException e) {
            throw LedgerException.rejected(
                    "The peer returned an unreadable block for transaction " + transactionId, transactionId, e);
        }
    }

    private static StoredAnchor readAnchor(byte[] json, String transactionId) {
        try {
            return StoredAnchor.parse(json);
        } catch (IllegalArgumentException e) {
            throw LedgerException.rejected(e.getMessage(), transactionId, e);
        }
    }

    private static Gateway connectGateway(FabricSettings settings, Channel channel) {
        FabricSettings.Deadlines deadlines = settings.deadlines();
        Gateway.Builder builder = Gateway.newInstance()
                .identity(new X509Identity(settings.mspId(), readCertificate(settings.identityCertificate())))
                .signer(Signers.newPrivateKeySigner(readPrivateKey(settings.privateKey())))
                .hash(Hash.SHA256)
                .connection(channel)
                .evaluateOptions(deadline(deadlines.evaluate()))
                .endorseOptions(deadline(deadlines.endorse()))
                .submitOptions(deadline(deadlines.submit()))
                .commitStatusOptions(deadline(deadlines.commitStatus()));
        FabricSettings.Tls tls = settings.tls();
        if (tls.mutual()) {
            // The gateway binds the transaction to the TLS session only when it knows the client's TLS certificate.
            builder.tlsClientCertificateHash(
                    Hash.SHA256.apply(encoded(readCertificate(tls.clientCertificate()), tls.clientCertificate())));
        }
        return builder.connect();
    }

    private static UnaryOperator<CallOptions> deadline(Duration duration) {
        return options -> options.withDeadlineAfter(duration.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static ManagedChannel newChannel(FabricSettings settings) {
        FabricSettings.Tls tls = settings.tls();
        ChannelCredentials credentials;
        if (tls.enabled()) {
            try {
                TlsChannelCredentials.Builder builder = TlsChannelCredentials.newBuilder()
                        .trustManager(tls.caCertificate().toFile());
                if (tls.mutual()) {
                    builder.keyManager(
                            tls.clientCertificate().toFile(), tls.clientKey().toFile());
                }
                credentials = builder.build();
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot read the Fabric TLS files " + tls, e);
            }
        } else {
            credentials = InsecureChannelCredentials.create();
        }
        ManagedChannelBuilder<?> builder = Grpc.newChannelBuilder(settings.gatewayEndpoint(), credentials);
        if (tls.serverNameOverride() != null) {
            builder.overrideAuthority(tls.serverNameOverride());
        }
        return builder.build();
    }

    private static X509Certificate readCertificate(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return Identities.readX509Certificate(reader);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot read a PEM certificate from " + file, e);
        }
    }

    private static PrivateKey readPrivateKey(Path fileOrKeystore) {
        Path file = Files.isDirectory(fileOrKeystore) ? onlyFileIn(fileOrKeystore) : fileOrKeystore;
        try (Reader reader = Files.newBufferedReader(file)) {
            return Identities.readPrivateKey(reader);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot read a PEM private key from " + file, e);
        }
    }

    private static Path onlyFileIn(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            List<Path> files = entries.filter(Files::isRegularFile).toList();
            if (files.size() != 1) {
                throw new IllegalArgumentException(
                        "Expected exactly one key file in " + directory + ", found " + files.size());
            }
            return files.get(0);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot list the key directory " + directory, e);
        }
    }

    private static byte[] encoded(X509Certificate certificate, Path file) {
        try {
            return certificate.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot encode the certificate from " + file, e);
        }
    }
}
