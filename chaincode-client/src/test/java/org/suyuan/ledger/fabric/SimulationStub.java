package org.suyuan.ledger.fabric;

import com.google.protobuf.ByteString;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRead;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * The chaincode's view of the world state while a peer simulates one proposal: reads come from committed state
 * and are recorded with the version they saw, writes are only collected, as in Fabric, where a transaction
 * neither sees its own writes nor changes anything before it is validated in a block. What it records becomes
 * the transaction's read-write set, which {@link EmulatedLedger} validates at commit (MVCC).
 */
final class SimulationStub implements ChaincodeStub {

    private final ProposalContents proposal;
    private final EmulatedLedger ledger;
    private final String namespace;
    private final String peerMspId;
    private final SortedMap<String, Optional<EmulatedLedger.Version>> reads = new TreeMap<>();
    private final SortedMap<String, Optional<byte[]>> writes = new TreeMap<>();
    private ChaincodeEvent event;

    SimulationStub(ProposalContents proposal, EmulatedLedger ledger, String peerMspId) {
        this.proposal = proposal;
        this.ledger = ledger;
        this.namespace = proposal.chaincodeName();
        this.peerMspId = peerMspId;
    }

    /** The read-write set of the simulation, sorted by key as a peer writes it. */
    TxReadWriteSet readWriteSet() {
        KVRWSet.Builder set = KVRWSet.newBuilder();
        reads.forEach((key, version) -> {
            KVRead.Builder read = KVRead.newBuilder().setKey(key);
            version.ifPresent(
                    v -> read.setVersion(org.hyperledger.fabric.protos.ledger.rwset.kvrwset.Version.newBuilder()
                            .setBlockNum(v.blockNumber())
                            .setTxNum(v.transactionNumber())));
            set.addReads(read);
        });
        writes.forEach((key, value) -> set.addWrites(KVWrite.newBuilder()
                .setKey(key)
                .setIsDelete(value.isEmpty())
                .setValue(value.map(ByteString::copyFrom).orElse(ByteString.EMPTY))));
        return TxReadWriteSet.newBuilder()
                .setDataModel(TxReadWriteSet.DataModel.KV)
                .addNsRwset(NsReadWriteSet.newBuilder()
                        .setNamespace(namespace)
                        .setRwset(set.build().toByteString()))
                .build();
    }

    Optional<ChaincodeEvent> chaincodeEvent() {
        return Optional.ofNullable(event);
    }

    @Override
    public byte[] getState(String key) {
        Optional<EmulatedLedger.VersionedValue> committed = ledger.read(namespace, key);
        reads.putIfAbsent(key, committed.map(EmulatedLedger.VersionedValue::version));
        return committed.map(value -> value.value().clone()).orElse(new byte[0]);
    }

    @Override
    public void putState(String key, byte[] value) {
        requireKey(key);
        writes.put(key, Optional.of(value.clone()));
    }

    @Override
    public void delState(String key) {
        requireKey(key);
        writes.put(key, Optional.empty());
    }

    @Override
    public CompositeKey createCompositeKey(String objectType, String... attributes) {
        return new CompositeKey(objectType, attributes);
    }

    @Override
    public CompositeKey splitCompositeKey(String compositeKey) {
        return CompositeKey.parseCompositeKey(compositeKey);
    }

    @Override
    public void setEvent(String name, byte[] payload) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("event name can not be nil string");
        }
        // As in the shim: only the last event of a transaction is kept.
        event = ChaincodeEvent.newBuilder()
                .setChaincodeId(namespace)
                .setTxId(getTxId())
                .setEventName(name)
                .setPayload(payload == null ? ByteString.EMPTY : ByteString.copyFrom(payload))
                .build();
    }

    @Override
    public ChaincodeEvent getEvent() {
        return event;
    }

    @Override
    public List<byte[]> getArgs() {
        List<byte[]> arguments = new ArrayList<>();
        proposal.chaincodeSpec().getInput().getArgsList().forEach(argument -> arguments.add(argument.toByteArray()));
        return arguments;
    }

    @Override
    public List<String> getStringArgs() {
        return proposal.chaincodeSpec().getInput().getArgsList().stream()
                .map(ByteString::toStringUtf8)
                .toList();
    }

    @Override
    public String getFunction() {
        List<String> arguments = getStringArgs();
        return arguments.isEmpty() ? null : arguments.get(0);
    }

    @Override
    public List<String> getParameters() {
        List<String> arguments = getStringArgs();
        return arguments.isEmpty() ? List.of() : arguments.subList(1, arguments.size());
    }

    @Override
    public String getTxId() {
        return proposal.transactionId();
    }

    @Override
    public String getChannelId() {
        return proposal.channelId();
    }

    @Override
    public Instant getTxTimestamp() {
        return proposal.timestamp();
    }

    @Override
    public byte[] getCreator() {
        return proposal.signatureHeader().getCreator().toByteArray();
    }

    @Override
    public Map<String, byte[]> getTransient() {
        Map<String, byte[]> transientData = new HashMap<>();
        proposal.payload().getTransientMapMap().forEach((key, value) -> transientData.put(key, value.toByteArray()));
        return Collections.unmodifiableMap(transientData);
    }

    @Override
    public byte[] getBinding() {
        return ProposalContents.sha256(
                proposal.signatureHeader().getNonce().toByteArray(),
                proposal.signatureHeader().getCreator().toByteArray(),
                java.nio.ByteBuffer.allocate(Long.BYTES)
                        .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                        .putLong(proposal.channelHeader().getEpoch())
                        .array());
    }

    @Override
    public SignedProposal getSignedProposal() {
        return proposal.signed();
    }

    @Override
    public String getMspId() {
        return peerMspId;
    }

    @Override
    public Chaincode.Response invokeChaincode(String chaincodeName, List<byte[]> args, String channel) {
        throw unsupported("invokeChaincode");
    }

    @Override
    public byte[] getStateValidationParameter(String key) {
        throw unsupported("getStateValidationParameter");
    }

    @Override
    public void setStateValidationParameter(String key, byte[] value) {
        throw unsupported("setStateValidationParameter");
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByRange(String startKey, String endKey) {
        throw unsupported("getStateByRange");
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByRangeWithPagination(
            String startKey, String endKey, int pageSize, String bookmark) {
        throw unsupported("getStateByRangeWithPagination");
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(String compositeKey) {
        throw unsupported("getStateByPartialCompositeKey");
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(String objectType, String... attributes) {
        throw unsupported("getStateByPartialCompositeKey");
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(CompositeKey compositeKey) {
        throw unsupported("getStateByPartialCompositeKey");
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByPartialCompositeKeyWithPagination(
            CompositeKey compositeKey, int pageSize, String bookmark) {
        throw unsupported("getStateByPartialCompositeKeyWithPagination");
    }

    @Override
    public QueryResultsIterator<KeyValue> getQueryResult(String query) {
        throw unsupported("getQueryResult");
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getQueryResultWithPagination(
            String query, int pageSize, String bookmark) {
        throw unsupported("getQueryResultWithPagination");
    }

    @Override
    public QueryResultsIterator<KeyModification> getHistoryForKey(String key) {
        throw unsupported("getHistoryForKey");
    }

    @Override
    public byte[] getPrivateData(String collection, String key) {
        throw unsupported("getPrivateData");
    }

    @Override
    public byte[] getPrivateDataHash(String collection, String key) {
        throw unsupported("getPrivateDataHash");
    }

    @Override
    public byte[] getPrivateDataValidationParameter(String collection, String key) {
        throw unsupported("getPrivateDataValidationParameter");
    }

    @Override
    public void putPrivateData(String collection, String key, byte[] value) {
        throw unsupported("putPrivateData");
    }

    @Override
    public void setPrivateDataValidationParameter(String collection, String key, byte[] value) {
        throw unsupported("setPrivateDataValidationParameter");
    }

    @Override
    public void delPrivateData(String collection, String key) {
        throw unsupported("delPrivateData");
    }

    @Override
    public void purgePrivateData(String collection, String key) {
        throw unsupported("purgePrivateData");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByRange(String collection, String startKey, String endKey) {
        throw unsupported("getPrivateDataByRange");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(String collection, String compositeKey) {
        throw unsupported("getPrivateDataByPartialCompositeKey");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(
            String collection, CompositeKey compositeKey) {
        throw unsupported("getPrivateDataByPartialCompositeKey");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(
            String collection, String objectType, String... attributes) {
        throw unsupported("getPrivateDataByPartialCompositeKey");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataQueryResult(String collection, String query) {
        throw unsupported("getPrivateDataQueryResult");
    }

    private static void requireKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("key must not be an empty string");
        }
    }

    private static UnsupportedOperationException unsupported(String operation) {
        return new UnsupportedOperationException("The gateway emulator does not support " + operation);
    }
}
