package org.suyuan.archive;

import org.springframework.stereotype.Component;
import org.suyuan.db.archive.Batch;
import org.suyuan.db.archive.BatchEvent;
import org.suyuan.ledger.RecordHash;
import org.suyuan.ledger.proof.CanonicalJson;
import org.suyuan.ledger.proof.HashChain;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The exact document an event's hash covers: every stored column of the event that carries meaning, plus the
 * batch it belongs to, in RFC 8785 canonical JSON. Anyone holding the document and the previous hash can
 * recompute the event hash ({@link HashChain}).
 *
 * <p>A correction names the corrected event by its hash, so it cannot be re-pointed silently.
 */
@Component
public class EventDocument {

    /** Bumped if the document ever changes shape; old events keep being verified with their version. */
    public static final int VERSION = 1;

    private final JsonMapper json;

    EventDocument(JsonMapper json) {
        this.json = json;
    }

    /** The canonical JSON of an event as stored. */
    public String canonicalJson(Batch batch, BatchEvent event, String supersededEventHash) {
        ObjectNode document = json.createObjectNode();
        document.put("v", VERSION);
        document.put("organization", batch.getOrganizationId());
        document.put("batch", batch.getId());
        document.put("batchNumber", batch.getBatchNumber());
        document.put("sequence", event.getSequenceNumber());
        document.put("type", event.getType().name());
        document.put("occurredOn", event.getOccurredOn().toString());
        document.put("recordedAt", event.getRecordedAt().toString());
        document.put("recordedBy", event.getRecordedBy());
        if (supersededEventHash != null) {
            document.put("supersedes", supersededEventHash);
        }
        document.set("details", json.readTree(event.getDetails()));
        return CanonicalJson.canonicalize(json.writeValueAsString(document));
    }

    /** The details as stored: canonical JSON, so the stored text is exactly what the hash covers. */
    String canonicalDetails(EventDetails details) {
        return CanonicalJson.canonicalize(json.writeValueAsString(details));
    }

    /** The hash of an event given its document and the previous event's hash. */
    public static RecordHash hash(String previousHash, String canonicalJson) {
        return HashChain.link(RecordHash.parse(previousHash), canonicalJson);
    }

    /** The hash chain's starting value, stored as the first event's previous hash. */
    public static String genesisHash() {
        return "0".repeat(64);
    }
}
