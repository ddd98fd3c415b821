package org.suyuan.ledger.proof;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.suyuan.ledger.RecordHash;

/**
 * Everything needed to check a batch's record without trusting Suyuan: the events as canonical JSON with their
 * chained hashes, and the inclusion proof of the latest anchored event in a Merkle root that is on the ledger.
 *
 * <p>The JSON form is the published format ({@value #FORMAT}); this class is its one reader and writer, used by
 * the service that hands bundles out and by the offline verifier that checks them.
 *
 * @param format always {@value #FORMAT}
 * @param subject what the bundle is about, for people (a trace code, a batch number)
 * @param events the batch's events in chain order
 * @param anchor the latest anchored event's proof, or {@code null} while nothing is anchored yet
 */
public record ProofBundle(String format, String subject, List<Event> events, Anchor anchor) {

    public static final String FORMAT = "suyuan-proof-bundle/1";

    public ProofBundle {
        Objects.requireNonNull(events, "events");
        events = List.copyOf(events);
    }

    public ProofBundle(String subject, List<Event> events, Anchor anchor) {
        this(FORMAT, subject, events, anchor);
    }

    /**
     * One event of the chain.
     *
     * @param canonicalJson the event exactly as hashed (RFC 8785)
     * @param previousHash the hash of the event before it (64 zeros for the first)
     * @param eventHash SHA-256(previousHash ‖ canonicalJson), as the service stored it
     */
    public record Event(String canonicalJson, RecordHash previousHash, RecordHash eventHash) {}

    /**
     * Where the chain is anchored.
     *
     * @param eventIndex the position in {@link #events()} of the event whose hash is the anchored leaf
     * @param proof the leaf's inclusion proof in the anchored tree
     * @param root the anchored Merkle root
     * @param ledger the ledger transaction that holds the root
     */
    public record Anchor(int eventIndex, InclusionProof proof, RecordHash root, LedgerReference ledger) {}

    /**
     * The ledger's record of a root.
     *
     * @param kind {@code fabric} or {@code embedded}
     * @param leafCount how many leaves the anchored tree has, as stored on the ledger; a proof is only checked
     *     against this size
     */
    public record LedgerReference(
            String kind, String transactionId, long blockNumber, Instant anchoredAt, long leafCount) {}

    /** The bundle as published JSON. */
    public String toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("format", format);
        json.addProperty("subject", subject);
        JsonArray eventArray = new JsonArray();
        for (Event event : events) {
            JsonObject item = new JsonObject();
            item.addProperty("canonicalJson", event.canonicalJson());
            item.addProperty("previousHash", event.previousHash().hex());
            item.addProperty("eventHash", event.eventHash().hex());
            eventArray.add(item);
        }
        json.add("events", eventArray);
        json.add("anchor", anchor == null ? JsonNull.INSTANCE : anchorJson(anchor));
        return json.toString();
    }

    /**
     * Reads a bundle.
     *
     * @throws IllegalArgumentException naming what is missing or malformed
     */
    public static ProofBundle fromJson(String text) {
        try {
            JsonObject json = JsonParser.parseString(text).getAsJsonObject();
            String format = string(json, "format");
            if (!FORMAT.equals(format)) {
                throw new IllegalArgumentException("Not a " + FORMAT + " bundle: format is " + format);
            }
            List<Event> events = new ArrayList<>();
            for (JsonElement element : json.getAsJsonArray("events")) {
                JsonObject item = element.getAsJsonObject();
                events.add(
                        new Event(string(item, "canonicalJson"), hash(item, "previousHash"), hash(item, "eventHash")));
            }
            JsonElement anchorElement = json.get("anchor");
            Anchor anchor = anchorElement == null || anchorElement.isJsonNull()
                    ? null
                    : anchorFrom(anchorElement.getAsJsonObject());
            return new ProofBundle(format, json.has("subject") ? string(json, "subject") : null, events, anchor);
        } catch (JsonParseException | IllegalStateException | NullPointerException | DateTimeParseException e) {
            throw new IllegalArgumentException("Malformed proof bundle: " + e.getMessage(), e);
        }
    }

    private static JsonObject anchorJson(Anchor anchor) {
        JsonObject json = new JsonObject();
        json.addProperty("eventIndex", anchor.eventIndex());
        json.addProperty("leafIndex", Long.toUnsignedString(anchor.proof().leafIndex()));
        json.addProperty("treeSize", Long.toUnsignedString(anchor.proof().treeSize()));
        JsonArray path = new JsonArray();
        anchor.proof().path().forEach(h -> path.add(h.hex()));
        json.add("path", path);
        json.addProperty("root", anchor.root().hex());
        JsonObject ledger = new JsonObject();
        ledger.addProperty("kind", anchor.ledger().kind());
        ledger.addProperty("transactionId", anchor.ledger().transactionId());
        ledger.addProperty("blockNumber", anchor.ledger().blockNumber());
        ledger.addProperty("anchoredAt", anchor.ledger().anchoredAt().toString());
        ledger.addProperty("leafCount", anchor.ledger().leafCount());
        json.add("ledger", ledger);
        return json;
    }

    private static Anchor anchorFrom(JsonObject json) {
        List<RecordHash> path = new ArrayList<>();
        for (JsonElement element : json.getAsJsonArray("path")) {
            path.add(RecordHash.parse(element.getAsString()));
        }
        JsonObject ledger = json.getAsJsonObject("ledger");
        return new Anchor(
                json.get("eventIndex").getAsInt(),
                new InclusionProof(
                        Long.parseUnsignedLong(string(json, "leafIndex")),
                        Long.parseUnsignedLong(string(json, "treeSize")),
                        path),
                hash(json, "root"),
                new LedgerReference(
                        string(ledger, "kind"),
                        string(ledger, "transactionId"),
                        ledger.get("blockNumber").getAsLong(),
                        Instant.parse(string(ledger, "anchoredAt")),
                        ledger.get("leafCount").getAsLong()));
    }

    private static String string(JsonObject json, String name) {
        JsonElement element = json.get(name);
        if (element == null || element.isJsonNull()) {
            throw new IllegalArgumentException("Missing \"" + name + "\"");
        }
        return element.getAsString();
    }

    private static RecordHash hash(JsonObject json, String name) {
        return RecordHash.parse(string(json, name));
    }
}
