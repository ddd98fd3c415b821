package org.suyuan.ledger.fabric;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.BlockMetadata;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRead;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * Orderer and committing peer in one: collects submitted transactions, cuts them into blocks (when a block is
 * full or a batch timeout passes, like Fabric's BatchSize and BatchTimeout), validates each transaction of a block
 * in order against the world state, applies the valid ones' writes and publishes commit statuses and blocks.
 *
 * <p>Validation follows Fabric's committer: a transaction id seen before is {@code DUPLICATE_TXID} (and its commit
 * status stays the first one's), a read whose version changed since simulation, also by an earlier transaction of
 * the same block, is {@code MVCC_READ_CONFLICT}. Endorsement policies are not evaluated.
 */
final class EmulatedLedger implements AutoCloseable {

    /** The height at which a key was last written: block number and position of the transaction in it. */
    record Version(long blockNumber, long transactionNumber) {}

    record VersionedValue(byte[] value, Version version) {}

    /** One transaction as the committer recorded it. */
    record TransactionRecord(
            String transactionId,
            long blockNumber,
            TxValidationCode code,
            String chaincode,
            Optional<ChaincodeEvent> event) {}

    record CommittedBlock(long number, Block block, List<TransactionRecord> transactions) {}

    private final String channel;
    private final Duration batchTimeout;
    private final int maxTransactionsPerBlock;
    private final Map<String, Map<String, VersionedValue>> worldState = new ConcurrentHashMap<>();
    private final List<CommittedBlock> blocks = new ArrayList<>();
    private final Map<String, TransactionRecord> firstCommits = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<TransactionRecord>> statuses = new ConcurrentHashMap<>();
    private final List<Consumer<CommittedBlock>> blockListeners = new CopyOnWriteArrayList<>();
    private final List<Envelope> pending = new ArrayList<>();
    private final AtomicBoolean forceReadConflict = new AtomicBoolean();
    private final ScheduledExecutorService cutter;
    private long batchGeneration;

    EmulatedLedger(String channel, Duration batchTimeout, int maxTransactionsPerBlock) {
        this.channel = channel;
        this.batchTimeout = batchTimeout;
        this.maxTransactionsPerBlock = maxTransactionsPerBlock;
        this.cutter = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "gateway-emulator-block-cutter");
            thread.setDaemon(true);
            return thread;
        });
        appendBlock(List.of(), List.of()); // block 0 stands for the channel's genesis block
    }

    Optional<VersionedValue> read(String namespace, String key) {
        return Optional.ofNullable(worldState.getOrDefault(namespace, Map.of()).get(key));
    }

    /** The committed keys and values of a namespace (a chaincode). */
    Map<String, byte[]> state(String namespace) {
        Map<String, byte[]> state = new HashMap<>();
        worldState
                .getOrDefault(namespace, Map.of())
                .forEach((key, value) -> state.put(key, value.value().clone()));
        return state;
    }

    /** Hands an endorsed, signed transaction to ordering; it is validated when its block is cut. */
    void order(Envelope transaction) {
        synchronized (pending) {
            pending.add(transaction);
            if (pending.size() >= maxTransactionsPerBlock) {
                cutter.execute(() -> cutBlock(-1));
            } else if (pending.size() == 1) {
                long generation = batchGeneration;
                cutter.schedule(() -> cutBlock(generation), batchTimeout.toNanos(), TimeUnit.NANOSECONDS);
            }
        }
    }

    /** The status of a transaction, completed when it is first committed (valid or not). */
    CompletableFuture<TransactionRecord> commitOf(String transactionId) {
        return statuses.computeIfAbsent(transactionId, id -> new CompletableFuture<>());
    }

    Optional<TransactionRecord> firstCommitOf(String transactionId) {
        return Optional.ofNullable(firstCommits.get(transactionId));
    }

    synchronized Optional<Block> blockOf(String transactionId) {
        return firstCommitOf(transactionId)
                .map(record -> blocks.get((int) record.blockNumber()).block());
    }

    synchronized Optional<Block> block(long number) {
        return number >= 0 && number < blocks.size()
                ? Optional.of(blocks.get((int) number).block())
                : Optional.empty();
    }

    synchronized long height() {
        return blocks.size();
    }

    synchronized List<TransactionRecord> transactions() {
        return blocks.stream().flatMap(block -> block.transactions().stream()).toList();
    }

    /**
     * Delivers every block from {@code fromBlock} on, first those already committed, then each new one as it
     * commits, on the committing thread; the listener must not block.
     *
     * @return stops the delivery
     */
    synchronized Runnable subscribe(long fromBlock, Consumer<CommittedBlock> listener) {
        for (long number = Math.max(0, fromBlock); number < blocks.size(); number++) {
            listener.accept(blocks.get((int) number));
        }
        blockListeners.add(listener);
        return () -> blockListeners.remove(listener);
    }

    /** The next transaction to be validated is marked as a read conflict whatever it read. */
    void forceReadConflictOnNextCommit() {
        forceReadConflict.set(true);
    }

    @Override
    public void close() {
        cutter.shutdownNow();
        statuses.values().forEach(status -> status.cancel(false));
    }

    private void cutBlock(long generation) {
        List<Envelope> batch;
        synchronized (pending) {
            if (generation >= 0 && generation != batchGeneration) {
                return; // this timer's batch was already cut because it filled up
            }
            if (pending.isEmpty()) {
                return;
            }
            int size = Math.min(pending.size(), maxTransactionsPerBlock);
            batch = new ArrayList<>(pending.subList(0, size));
            pending.subList(0, size).clear();
            batchGeneration++;
            if (!pending.isEmpty()) {
                long next = batchGeneration;
                if (pending.size() >= maxTransactionsPerBlock) {
                    cutter.execute(() -> cutBlock(-1));
                } else {
                    cutter.schedule(() -> cutBlock(next), batchTimeout.toNanos(), TimeUnit.NANOSECONDS);
                }
            }
        }
        commit(batch);
    }

    private void commit(List<Envelope> batch) {
        List<TransactionRecord> records = new ArrayList<>();
        synchronized (this) {
            long blockNumber = blocks.size();
            Set<String> idsInBlock = new HashSet<>();
            for (int position = 0; position < batch.size(); position++) {
                records.add(validateAndApply(batch.get(position), blockNumber, position, idsInBlock));
            }
            CommittedBlock block = appendBlock(batch, records);
            for (TransactionRecord record : records) {
                firstCommits.putIfAbsent(record.transactionId(), record);
            }
            for (TransactionRecord record : records) {
                commitOf(record.transactionId()).complete(firstCommits.get(record.transactionId()));
            }
            for (Consumer<CommittedBlock> listener : blockListeners) {
                listener.accept(block);
            }
        }
    }

    private TransactionRecord validateAndApply(
            Envelope envelope, long blockNumber, int position, Set<String> idsInBlock) {
        ParsedTransaction transaction;
        try {
            transaction = ParsedTransaction.parse(envelope);
        } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
            return new TransactionRecord("", blockNumber, TxValidationCode.BAD_PAYLOAD, "", Optional.empty());
        }
        TxValidationCode code;
        if (firstCommits.containsKey(transaction.transactionId()) || !idsInBlock.add(transaction.transactionId())) {
            code = TxValidationCode.DUPLICATE_TXID;
        } else if (!channel.equals(transaction.channel())) {
            code = TxValidationCode.TARGET_CHAIN_NOT_FOUND;
        } else if (forceReadConflict.getAndSet(false) || !readsAreCurrent(transaction)) {
            code = TxValidationCode.MVCC_READ_CONFLICT;
        } else {
            apply(transaction, new Version(blockNumber, position));
            code = TxValidationCode.VALID;
        }
        return new TransactionRecord(
                transaction.transactionId(),
                blockNumber,
                code,
                transaction.chaincode(),
                code == TxValidationCode.VALID ? transaction.event() : Optional.empty());
    }

    private boolean readsAreCurrent(ParsedTransaction transaction) {
        for (Map.Entry<String, KVRWSet> namespace : transaction.readWriteSets().entrySet()) {
            for (KVRead read : namespace.getValue().getReadsList()) {
                Optional<Version> seen = read.hasVersion()
                        ? Optional.of(new Version(
                                read.getVersion().getBlockNum(),
                                read.getVersion().getTxNum()))
                        : Optional.empty();
                Optional<Version> current =
                        read(namespace.getKey(), read.getKey()).map(VersionedValue::version);
                if (!Objects.equals(seen, current)) {
                    return false;
                }
            }
        }
        return true;
    }

    private void apply(ParsedTransaction transaction, Version version) {
        transaction.readWriteSets().forEach((namespace, set) -> {
            Map<String, VersionedValue> state = worldState.computeIfAbsent(namespace, n -> new ConcurrentHashMap<>());
            for (KVWrite write : set.getWritesList()) {
                if (write.getIsDelete()) {
                    state.remove(write.getKey());
                } else {
                    state.put(
                            write.getKey(), new VersionedValue(write.getValue().toByteArray(), version));
                }
            }
        });
    }

    private CommittedBlock appendBlock(List<Envelope> envelopes, List<TransactionRecord> records) {
        synchronized (this) {
            long number = blocks.size();
            BlockData.Builder data = BlockData.newBuilder();
            envelopes.forEach(envelope -> data.addData(envelope.toByteString()));
            byte[] validationCodes = new byte[records.size()];
            for (int i = 0; i < records.size(); i++) {
                validationCodes[i] = (byte) records.get(i).code().getNumber();
            }
            byte[] previousHash = number == 0
                    ? new byte[0]
                    : ProposalContents.sha256(
                            blocks.get((int) number - 1).block().getHeader().toByteArray());
            BlockMetadata.Builder metadata = BlockMetadata.newBuilder();
            for (int index = 0; index <= BlockMetadataIndex.COMMIT_HASH_VALUE; index++) {
                metadata.addMetadata(
                        index == BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE
                                ? ByteString.copyFrom(validationCodes)
                                : ByteString.EMPTY);
            }
            Block block = Block.newBuilder()
                    .setHeader(BlockHeader.newBuilder()
                            .setNumber(number)
                            .setPreviousHash(ByteString.copyFrom(previousHash))
                            .setDataHash(ByteString.copyFrom(ProposalContents.sha256(data.getDataList().stream()
                                    .map(ByteString::toByteArray)
                                    .toArray(byte[][]::new)))))
                    .setData(data)
                    .setMetadata(metadata)
                    .build();
            CommittedBlock committed = new CommittedBlock(number, block, List.copyOf(records));
            blocks.add(committed);
            return committed;
        }
    }

    /** What the committer needs from a transaction envelope. */
    private record ParsedTransaction(
            String transactionId,
            String channel,
            String chaincode,
            Map<String, KVRWSet> readWriteSets,
            Optional<ChaincodeEvent> event) {

        static ParsedTransaction parse(Envelope envelope) throws InvalidProtocolBufferException {
            Payload payload = Payload.parseFrom(envelope.getPayload());
            ChannelHeader header = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
            Transaction transaction = Transaction.parseFrom(payload.getData());
            if (transaction.getActionsCount() == 0) {
                throw new IllegalArgumentException("A transaction without actions");
            }
            TransactionAction action = transaction.getActions(0);
            ChaincodeAction chaincodeAction = ChaincodeAction.parseFrom(
                    ProposalResponsePayload.parseFrom(ChaincodeActionPayload.parseFrom(action.getPayload())
                                    .getAction()
                                    .getProposalResponsePayload())
                            .getExtension());
            Map<String, KVRWSet> readWriteSets = new HashMap<>();
            for (NsReadWriteSet namespace :
                    TxReadWriteSet.parseFrom(chaincodeAction.getResults()).getNsRwsetList()) {
                readWriteSets.put(namespace.getNamespace(), KVRWSet.parseFrom(namespace.getRwset()));
            }
            Optional<ChaincodeEvent> event = chaincodeAction.getEvents().isEmpty()
                    ? Optional.empty()
                    : Optional.of(ChaincodeEvent.parseFrom(chaincodeAction.getEvents()));
            return new ParsedTransaction(
                    header.getTxId(),
                    header.getChannelId(),
                    chaincodeAction.getChaincodeId().getName(),
                    readWriteSets,
                    event);
        }
    }
}
