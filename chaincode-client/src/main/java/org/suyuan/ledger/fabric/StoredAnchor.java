package org.suyuan.ledger.fabric;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.suyuan.ledger.AnchorReceipt;
import org.suyuan.ledger.AnchorRequest;
import org.suyuan.ledger.RecordHash;

/**
 * An anchor as the contract returns it (its JSON document), before the block number is known.
 *
 * @param request what was anchored
 * @param transactionId the transaction that stored it, which is not the caller's transaction on a replay
 * @param anchoredAt the storing transaction's timestamp
 * @param submitter the MSP id of the client that stored it
 */
record StoredAnchor(AnchorRequest request, String transactionId, Instant anchoredAt, String submitter) {

    static StoredAnchor parse(byte[] json) {
        try {
            JsonObject anchor = JsonParser.parseString(new String(json, UTF_8)).getAsJsonObject();
            JsonElement previousRoot = anchor.get("previousRoot");
            AnchorRequest request = new AnchorRequest(
                    new RecordHash(text(anchor, "root")),
                    anchor.get("leafCount").getAsLong(),
                    previousRoot == null || previousRoot.isJsonNull()
                            ? Optional.empty()
                            : Optional.of(new RecordHash(previousRoot.getAsString())),
                    Instant.parse(text(anchor, "windowStart")),
                    Instant.parse(text(anchor, "windowEnd")));
            return new StoredAnchor(
                    request,
                    text(anchor, "transactionId"),
                    Instant.parse(text(anchor, "anchoredAt")),
                    text(anchor, "submitter"));
        } catch (JsonParseException
                | IllegalStateException
                | IllegalArgumentException
                | NullPointerException
                | UnsupportedOperationException
                | DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "The contract returned an unreadable anchor: " + new String(json, UTF_8), e);
        }
    }

    private static String text(JsonObject anchor, String member) {
        JsonElement value = anchor.get(member);
        if (value == null || value.isJsonNull()) {
            throw new IllegalArgumentException("missing " + member);
        }
        return value.getAsString();
    }

    AnchorReceipt receipt(long blockNumber) {
        return new AnchorReceipt(request, transactionId, blockNumber, anchoredAt, submitter);
    }
}
