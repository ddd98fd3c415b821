package org.suyuan.chaincode;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AnchorContractTests {

    private static final String ROOT = "5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef";
    private static final String PREVIOUS_ROOT = "9c56cc51b374c3ba189210d5b6d4bf57790d351c96c47c02190ecf1e430635ab";
    private static final String START = "2024-05-01T08:00:00Z";
    private static final String END = "2024-05-01T08:00:05Z";
    private static final Instant TRANSACTION_TIME = Instant.parse("2024-05-01T08:00:07.250Z");
    private static final Map<String, byte[]> CREATORS = new ConcurrentHashMap<>();

    private final Map<String, byte[]> worldState = new HashMap<>();
    private final AnchorContract contract = new AnchorContract();
    private InMemoryChaincodeStub stub;

    @Test
    void storesTheAnchorUnderItsRootWithSubmitterTransactionIdAndTransactionTime() {
        String json = contract.anchor(transaction("tx1", TRANSACTION_TIME, "Org1MSP"), ROOT, 3, "", START, END);

        assertThat(json)
                .isEqualTo("{\"anchoredAt\":\"2024-05-01T08:00:07.250Z\",\"leafCount\":3,\"previousRoot\":null,"
                        + "\"root\":\"" + ROOT + "\",\"submitter\":\"Org1MSP\",\"transactionId\":\"tx1\","
                        + "\"windowEnd\":\"2024-05-01T08:00:05Z\",\"windowStart\":\"2024-05-01T08:00:00Z\"}");
        assertThat(worldState).containsOnlyKeys("\u0000anchor\u0000" + ROOT + "\u0000");
        assertThat(new String(worldState.get("\u0000anchor\u0000" + ROOT + "\u0000"), UTF_8))
                .isEqualTo(json);
    }

    @Test
    void keepsThePreviousRootThatChainsAnchors() {
        String json =
                contract.anchor(transaction("tx1", TRANSACTION_TIME, "Org1MSP"), ROOT, 1, PREVIOUS_ROOT, START, START);

        assertThat(json).contains("\"previousRoot\":\"" + PREVIOUS_ROOT + "\"");
    }

    @Test
    void writesByteIdenticalJsonOnEveryEndorser() {
        Map<String, byte[]> otherPeer = new HashMap<>();

        contract.anchor(transaction("tx1", TRANSACTION_TIME, "Org1MSP"), ROOT, 3, PREVIOUS_ROOT, START, END);
        InMemoryChaincodeStub otherStub =
                new InMemoryChaincodeStub(otherPeer, List.of(), "tx1", TRANSACTION_TIME, creatorOf("Org1MSP"));
        contract.anchor(new Context(otherStub), ROOT, 3, PREVIOUS_ROOT, START, END);

        assertThat(otherPeer.values())
                .singleElement()
                .isEqualTo(worldState.values().iterator().next());
        assertThat(otherStub.events().get(0).payload())
                .isEqualTo(stub.events().get(0).payload());
    }

    @Test
    void emitsOneAnchorRecordedEventCarryingTheStoredAnchor() {
        String json = contract.anchor(transaction("tx1", TRANSACTION_TIME, "Org1MSP"), ROOT, 3, "", START, END);

        assertThat(stub.events()).singleElement().satisfies(event -> {
            assertThat(event.name()).isEqualTo("AnchorRecorded");
            assertThat(new String(event.payload(), UTF_8)).isEqualTo(json);
        });
    }

    @Test
    void returnsTheStoredAnchorUnchangedOnAnIdenticalReplay() {
        String first = contract.anchor(transaction("tx1", TRANSACTION_TIME, "Org1MSP"), ROOT, 3, "", START, END);
        Map<String, byte[]> before = copyOf(worldState);

        String replay = contract.anchor(
                transaction("tx2", TRANSACTION_TIME.plusSeconds(60), "Org2MSP"), ROOT, 3, "", START, END);

        assertThat(replay).isEqualTo(first).contains("\"transactionId\":\"tx1\"");
        assertThat(worldState).usingRecursiveComparison().isEqualTo(before);
        assertThat(stub.events()).as("no event on a replay").isEmpty();
    }

    @Test
    void treatsTheSameInstantSpelledDifferentlyAsAReplay() {
        String first = contract.anchor(transaction("tx1", TRANSACTION_TIME, "Org1MSP"), ROOT, 3, "", START, END);

        String replay = contract.anchor(
                transaction("tx2", TRANSACTION_TIME, "Org1MSP"),
                ROOT,
                3,
                "",
                "2024-05-01T08:00:00.000Z",
                "2024-05-01T08:00:05.000000Z");

        assertThat(replay).isEqualTo(first);
    }

    @Test
    void refusesDifferentContentForAnAnchoredRootWithAnchorConflict() {
        contract.anchor(transaction("tx1", TRANSACTION_TIME, "Org1MSP"), ROOT, 3, "", START, END);
        Map<String, byte[]> before = copyOf(worldState);
        Context conflicting = transaction("tx2", TRANSACTION_TIME, "Org1MSP");

        assertThatThrownBy(() -> contract.anchor(conflicting, ROOT, 4, "", START, END))
                .isInstanceOfSatisfying(ChaincodeException.class, e -> {
                    assertThat(e.getMessage()).startsWith("ANCHOR_CONFLICT: ").contains(ROOT);
                    assertThat(new String(e.getPayload(), UTF_8)).isEqualTo("ANCHOR_CONFLICT");
                });
        assertThat(worldState).usingRecursiveComparison().isEqualTo(before);
        assertThat(stub.events()).isEmpty();
    }

    @Test
    void returnsTheStoredAnchorOnLookup() {
        String json = contract.anchor(transaction("tx1", TRANSACTION_TIME, "Org1MSP"), ROOT, 3, "", START, END);

        assertThat(contract.getAnchor(transaction("tx2", TRANSACTION_TIME, "Org2MSP"), ROOT))
                .isEqualTo(json);
    }

    @Test
    void failsTheLookupOfAnUnknownRootWithAnchorNotFound() {
        Context lookup = transaction("tx1", TRANSACTION_TIME, "Org1MSP");

        assertThatThrownBy(() -> contract.getAnchor(lookup, ROOT))
                .isInstanceOfSatisfying(ChaincodeException.class, e -> {
                    assertThat(e.getMessage()).startsWith("ANCHOR_NOT_FOUND: ").contains(ROOT);
                    assertThat(new String(e.getPayload(), UTF_8)).isEqualTo("ANCHOR_NOT_FOUND");
                });
    }

    @Test
    void refusesALookupOfAMalformedRoot() {
        Context lookup = transaction("tx1", TRANSACTION_TIME, "Org1MSP");

        assertThatThrownBy(() -> contract.getAnchor(lookup, ROOT.toUpperCase()))
                .isInstanceOfSatisfying(
                        ChaincodeException.class,
                        e -> assertThat(e.getMessage()).startsWith("INVALID_ANCHOR: "));
    }

    static Stream<Arguments> invalidAnchors() {
        return Stream.of(
                Arguments.of("upper-case root", ROOT.toUpperCase(), 3L, "", START, END),
                Arguments.of("short root", ROOT.substring(1), 3L, "", START, END),
                Arguments.of("non-hex root", "g" + ROOT.substring(1), 3L, "", START, END),
                Arguments.of("no root", null, 3L, "", START, END),
                Arguments.of("no leaves", ROOT, 0L, "", START, END),
                Arguments.of("negative leaves", ROOT, -1L, "", START, END),
                Arguments.of("malformed previous root", ROOT, 3L, "abc", START, END),
                Arguments.of("previous root is the root", ROOT, 3L, ROOT, START, END),
                Arguments.of("start not an instant", ROOT, 3L, "", "2024-05-01", END),
                Arguments.of("end not an instant", ROOT, 3L, "", START, "yesterday"),
                Arguments.of("end before start", ROOT, 3L, "", END, START));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidAnchors")
    void refusesInvalidArgumentsAndStoresNothing(
            String problem, String root, long leafCount, String previousRoot, String start, String end) {
        Context anchoring = transaction("tx1", TRANSACTION_TIME, "Org1MSP");

        assertThatThrownBy(() -> contract.anchor(anchoring, root, leafCount, previousRoot, start, end))
                .isInstanceOfSatisfying(ChaincodeException.class, e -> {
                    assertThat(e.getMessage()).startsWith("INVALID_ANCHOR: ");
                    assertThat(new String(e.getPayload(), UTF_8)).isEqualTo("INVALID_ANCHOR");
                });
        assertThat(worldState).isEmpty();
        assertThat(stub.events()).isEmpty();
    }

    private Context transaction(String transactionId, Instant timestamp, String mspId) {
        stub = new InMemoryChaincodeStub(worldState, List.of(), transactionId, timestamp, creatorOf(mspId));
        return new Context(stub);
    }

    private static byte[] creatorOf(String mspId) {
        return CREATORS.computeIfAbsent(mspId, ClientCertificates::creator);
    }

    private static Map<String, byte[]> copyOf(Map<String, byte[]> state) {
        Map<String, byte[]> copy = new HashMap<>();
        state.forEach((key, value) -> copy.put(key, value.clone()));
        return copy;
    }
}
