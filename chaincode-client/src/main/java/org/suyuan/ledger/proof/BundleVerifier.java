package org.suyuan.ledger.proof;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import org.suyuan.ledger.RecordHash;

/**
 * Checks a {@link ProofBundle} with nothing but the bundle: every event hash is recomputed from its canonical
 * JSON, the chain must be unbroken and in sequence, and the latest anchored event must be in the anchored root by
 * its inclusion proof, for a tree of exactly the size the ledger recorded. Whether the root really is on the
 * ledger is the one thing this cannot know; the caller asks the ledger for {@link ProofBundle.Anchor#root()}.
 */
public final class BundleVerifier {

    private static final RecordHash NO_PREVIOUS_EVENT = new RecordHash("0".repeat(64));

    private BundleVerifier() {}

    /** What the check found. */
    public enum Status {
        /** Every event is intact and the latest one is in an anchored root. */
        VERIFIED,
        /** Every event is intact; the latest ones are not anchored yet. */
        PENDING,
        /** Something does not match: see the problems. */
        TAMPERED
    }

    /**
     * The outcome.
     *
     * @param anchoredEvents how many events, from the first, the anchor covers (0 when nothing is anchored)
     * @param problems what does not match, one sentence each; empty unless {@link Status#TAMPERED}
     */
    public record Result(Status status, int events, int anchoredEvents, List<String> problems) {}

    public static Result verify(ProofBundle bundle) {
        List<String> problems = new ArrayList<>();
        List<ProofBundle.Event> events = bundle.events();
        if (events.isEmpty()) {
            problems.add("The bundle holds no events.");
        }
        RecordHash expectedPrevious = NO_PREVIOUS_EVENT;
        Long batch = null;
        for (int i = 0; i < events.size(); i++) {
            ProofBundle.Event event = events.get(i);
            int number = i + 1;
            if (!event.previousHash().equals(expectedPrevious)) {
                problems.add("Event " + number + " does not follow the event before it (previous hash differs): "
                        + "an event was removed, inserted or reordered.");
            }
            expectedPrevious = event.eventHash();
            if (!CanonicalJson.isCanonical(event.canonicalJson())) {
                problems.add("Event " + number + " is not in canonical JSON, so its hash cannot be recomputed.");
                continue;
            }
            if (!HashChain.link(event.previousHash(), event.canonicalJson()).equals(event.eventHash())) {
                problems.add("Event " + number + " does not match its hash: its content was changed.");
            }
            JsonObject document = JsonParser.parseString(event.canonicalJson()).getAsJsonObject();
            long sequence = number(document, "sequence");
            if (sequence != number) {
                problems.add("Event " + number + " says it is number " + sequence + " of its batch.");
            }
            long batchOfEvent = number(document, "batch");
            if (batch == null) {
                batch = batchOfEvent;
            } else if (batch != batchOfEvent) {
                problems.add("Event " + number + " belongs to another batch.");
            }
        }
        int anchoredEvents = 0;
        ProofBundle.Anchor anchor = bundle.anchor();
        if (anchor != null) {
            if (anchor.eventIndex() < 0 || anchor.eventIndex() >= events.size()) {
                problems.add("The anchor names event " + (anchor.eventIndex() + 1) + ", which is not in the bundle.");
            } else if (anchor.proof().treeSize() != anchor.ledger().leafCount()) {
                problems.add("The proof is for a tree of "
                        + Long.toUnsignedString(anchor.proof().treeSize()) + " leaves, but the ledger anchored "
                        + anchor.ledger().leafCount() + ".");
            } else if (!anchor.proof().verifies(events.get(anchor.eventIndex()).eventHash(), anchor.root())) {
                problems.add("Event " + (anchor.eventIndex() + 1) + " is not in the anchored root " + anchor.root()
                        + ": the inclusion proof fails.");
            } else {
                anchoredEvents = anchor.eventIndex() + 1;
            }
        }
        if (!problems.isEmpty()) {
            return new Result(Status.TAMPERED, events.size(), 0, List.copyOf(problems));
        }
        Status status = anchoredEvents == events.size() ? Status.VERIFIED : Status.PENDING;
        return new Result(status, events.size(), anchoredEvents, List.of());
    }

    private static long number(JsonObject document, String name) {
        JsonElement element = document.get(name);
        return element == null || !element.isJsonPrimitive() ? -1 : element.getAsLong();
    }
}
