package org.suyuan.ledger.proof;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.suyuan.ledger.RecordHash;

/**
 * The hash chain of a batch's event log: each event's hash covers the hash of the event before it, so the
 * hash of the newest event (the head) commits to the whole history, in order.
 *
 * <p>Definition, for the events e<sub>0</sub> … e<sub>n-1</sub> of one batch in the order they were recorded:
 *
 * <pre>
 * h(-1) = 32 zero bytes
 * h(i)  = SHA-256( h(i-1) ‖ UTF-8( JCS(e(i)) ) )
 * </pre>
 *
 * where ‖ is byte concatenation and JCS is the RFC 8785 canonical form ({@link CanonicalJson}); the
 * previous hash enters as its 32 raw bytes, not as hex. Editing, deleting, inserting or reordering any event
 * changes every hash from that event on, and so the head, which is the leaf anchored on the ledger.
 *
 * <p>The same construction chains the embedded ledger's own entries.
 */
public final class HashChain {

    private static final byte[] NO_PREVIOUS_EVENT = new byte[32];

    private HashChain() {}

    /**
     * The hash of the next event of a chain.
     *
     * @param previousOrNull the hash of the event before it, or {@code null} for the first event of the chain
     * @param canonicalJson the event in RFC 8785 canonical form, exactly the text that is stored
     * @throws CanonicalJsonException if the text is not canonical JSON: hashing any other spelling would give
     *     a hash that a verifier who canonicalises could not reproduce
     */
    public static RecordHash link(RecordHash previousOrNull, String canonicalJson) {
        byte[] previous = previousOrNull == null ? NO_PREVIOUS_EVENT : previousOrNull.bytes();
        return RecordHash.sha256(previous, CanonicalJson.requireCanonicalUtf8(canonicalJson));
    }

    /**
     * The head hash of a whole chain, recomputed from its events.
     *
     * @param canonicalEvents the events in chain order, each in canonical form
     * @return the hash of the last event
     * @throws IllegalArgumentException if there are no events
     */
    public static RecordHash head(List<String> canonicalEvents) {
        if (canonicalEvents.isEmpty()) {
            throw new IllegalArgumentException("An empty chain has no head");
        }
        RecordHash hash = null;
        for (String event : canonicalEvents) {
            hash = link(hash, event);
        }
        return hash;
    }

    /**
     * Recomputes a chain from its events and compares every link with the hash stored for it.
     *
     * <p>An event that is not canonical JSON counts as a mismatch at its position: the stored text is what the
     * hash must reproduce, and no canonical text can reproduce a hash of a different spelling.
     *
     * @param canonicalEvents the stored events in chain order
     * @param storedHashes the hash stored for each event, in the same order
     * @return the position of the first event whose recomputed hash differs from the stored one, or the first
     *     position that only one of the two lists has (a deleted or an extra event); empty when the whole
     *     chain matches
     */
    public static OptionalInt firstMismatch(List<String> canonicalEvents, List<RecordHash> storedHashes) {
        Objects.requireNonNull(canonicalEvents, "canonicalEvents");
        Objects.requireNonNull(storedHashes, "storedHashes");
        int common = Math.min(canonicalEvents.size(), storedHashes.size());
        RecordHash previous = null;
        for (int index = 0; index < common; index++) {
            RecordHash recomputed;
            try {
                recomputed = link(previous, canonicalEvents.get(index));
            } catch (CanonicalJsonException e) {
                return OptionalInt.of(index);
            }
            if (!recomputed.equals(storedHashes.get(index))) {
                return OptionalInt.of(index);
            }
            previous = recomputed;
        }
        return canonicalEvents.size() == storedHashes.size() ? OptionalInt.empty() : OptionalInt.of(common);
    }
}
