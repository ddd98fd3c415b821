package org.suyuan.ledger.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.suyuan.ledger.RecordHash;

class HashChainTests {

    private static final String CREATED = "{\"type\":\"created\"}";
    private static final String HARVEST = "{\"type\":\"harvest\"}";
    private static final String SHIPMENT = "{\"quantity\":\"120\",\"type\":\"shipment\"}";

    @Test
    void firstEventIsHashedAfterThirtyTwoZeroBytes() {
        // sha256(bytes(32) + b'{"a":1}') computed independently with Python's hashlib
        assertThat(HashChain.link(null, "{\"a\":1}"))
                .isEqualTo(new RecordHash("b06a229070741292512e8760f470dd7a4c46ccfdf253df781d88dabe58c1ccb1"));
        assertThat(HashChain.link(null, "{\"a\":1}"))
                .isEqualTo(RecordHash.sha256(new byte[32], "{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void eachEventHashCoversThePreviousHashBytes() {
        RecordHash first = HashChain.link(null, CREATED);
        RecordHash second = HashChain.link(first, HARVEST);

        // independently computed with Python's hashlib
        assertThat(first).isEqualTo(new RecordHash("c988ca57530489f0abdc197b66b539bc8a473b7c571542540c1e558802de39e0"));
        assertThat(second)
                .isEqualTo(new RecordHash("5c2a0cd65be7a8ef75bd718c8b5908988c8abc87e1fb16ebb78d80959e431c7b"));
        assertThat(HashChain.head(List.of(CREATED, HARVEST))).isEqualTo(second);
    }

    @Test
    void headChangesWhenAnyEarlierEventChanges() {
        RecordHash head = HashChain.head(List.of(CREATED, HARVEST, SHIPMENT));

        assertThat(HashChain.head(List.of("{\"type\":\"created!\"}", HARVEST, SHIPMENT)))
                .isNotEqualTo(head);
        assertThat(HashChain.head(List.of(HARVEST, CREATED, SHIPMENT))).isNotEqualTo(head);
        assertThat(HashChain.head(List.of(CREATED, SHIPMENT))).isNotEqualTo(head);
    }

    @Test
    void refusesToHashJsonThatIsNotCanonical() {
        assertThatThrownBy(() -> HashChain.link(null, "{ \"type\": \"created\" }"))
                .isInstanceOf(CanonicalJsonException.class)
                .hasMessageContaining("canonical");
    }

    @Test
    void intactChainHasNoMismatch() {
        List<String> events = List.of(CREATED, HARVEST, SHIPMENT);

        assertThat(HashChain.firstMismatch(events, hashesOf(events))).isEmpty();
        assertThat(HashChain.firstMismatch(List.of(), List.of())).isEmpty();
    }

    @Test
    void editedEventIsReportedAtItsPosition() {
        List<String> events = List.of(CREATED, HARVEST, SHIPMENT);
        List<RecordHash> stored = hashesOf(events);

        assertThat(HashChain.firstMismatch(List.of(CREATED, "{\"type\":\"harvest2\"}", SHIPMENT), stored))
                .hasValue(1);
    }

    @Test
    void reorderedEventsAreReportedAtTheFirstMovedPosition() {
        List<RecordHash> stored = hashesOf(List.of(CREATED, HARVEST, SHIPMENT));

        assertThat(HashChain.firstMismatch(List.of(CREATED, SHIPMENT, HARVEST), stored))
                .hasValue(1);
    }

    @Test
    void deletedOrExtraEventIsReportedWhereTheListsDiverge() {
        List<String> events = List.of(CREATED, HARVEST, SHIPMENT);
        List<RecordHash> stored = hashesOf(events);

        assertThat(HashChain.firstMismatch(List.of(CREATED, HARVEST), stored)).hasValue(2);
        assertThat(HashChain.firstMismatch(List.of(CREATED, SHIPMENT), stored)).hasValue(1);
        assertThat(HashChain.firstMismatch(events, stored.subList(0, 2))).hasValue(2);
    }

    @Test
    void storedTextThatIsNotCanonicalIsAMismatch() {
        List<RecordHash> stored = hashesOf(List.of(CREATED, HARVEST));

        assertThat(HashChain.firstMismatch(List.of(CREATED, "{\"type\": \"harvest\"}"), stored))
                .hasValue(1);
    }

    private static List<RecordHash> hashesOf(List<String> events) {
        List<RecordHash> hashes = new ArrayList<>();
        RecordHash previous = null;
        for (String event : events) {
            previous = HashChain.link(previous, event);
            hashes.add(previous);
        }
        return hashes;
    }
}
