package org.suyuan.verification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import org.suyuan.ledger.RecordHash;
import org.suyuan.ledger.proof.CanonicalJsonException;
import org.suyuan.ledger.proof.HashChain;

/**
 * Recomputes a batch's hash chain from its stored events and says what does not match: an edited event, a gap
 * left by a deleted one, events put in another order. Plain logic over what the database holds; the caller
 * rebuilds each event's canonical document.
 */
final class ChainCheck {

    static final RecordHash GENESIS = new RecordHash("0".repeat(64));

    private ChainCheck() {}

    /**
     * One stored event.
     *
     * @param sequenceNumber its stored number in the batch
     * @param documentAt its canonical document as if it had the given number (the stored number gives the
     *     document as stored); null when the document cannot be rebuilt
     */
    record StoredEvent(
            int sequenceNumber, RecordHash previousHash, RecordHash eventHash, IntFunction<String> documentAt) {}

    /**
     * Every mismatch in the chain.
     *
     * @param events the batch's stored events, ordered by their stored number
     */
    static List<Finding> check(List<StoredEvent> events) {
        List<Finding> findings = new ArrayList<>();
        Map<Integer, Integer> linkedPositions = linkedPositions(events);
        int expected = 1;
        RecordHash previous = GENESIS;
        for (StoredEvent event : events) {
            int number = event.sequenceNumber();
            if (number > expected) {
                findings.add(new Finding(
                        Finding.Kind.MISSING,
                        expected,
                        number - expected == 1
                                ? "第 " + expected + " 条记录已不在档案中。"
                                : "第 " + expected + " 至 " + (number - 1) + " 条记录已不在档案中。"));
            } else if (!event.previousHash().equals(previous) && linkedPositions == null) {
                findings.add(new Finding(Finding.Kind.MISSING, number, "第 " + number + " 条记录与前一条记录接不上：其间有记录被删除或插入。"));
            }
            expected = Math.max(expected, number + 1);
            previous = event.eventHash();
            if (!matches(event, number)) {
                Integer chainedAt = linkedPositions == null ? null : linkedPositions.get(number);
                if (chainedAt != null && chainedAt != number && matches(event, chainedAt)) {
                    findings.add(new Finding(
                            Finding.Kind.REORDERED, number, "第 " + number + " 条记录原本是第 " + chainedAt + " 条：记录的顺序被调换过。"));
                } else {
                    findings.add(new Finding(Finding.Kind.CHANGED, number, "第 " + number + " 条记录的内容与记录时不一致：已被改动。"));
                }
            }
        }
        return findings;
    }

    /** Whether the event's document, numbered {@code number}, hashes to its stored hash. */
    private static boolean matches(StoredEvent event, int number) {
        String document = event.documentAt().apply(number);
        if (document == null) {
            return false;
        }
        try {
            return HashChain.link(event.previousHash(), document).equals(event.eventHash());
        } catch (CanonicalJsonException e) {
            return false;
        }
    }

    /**
     * The position each event had when it was chained, read from the stored links (each event names the hash of
     * the one before it), keyed by its stored number; null unless the links form one whole chain from the
     * genesis. Only then can a reordering be told from other tampering.
     */
    private static Map<Integer, Integer> linkedPositions(List<StoredEvent> events) {
        Map<RecordHash, StoredEvent> byPrevious = new HashMap<>();
        for (StoredEvent event : events) {
            if (byPrevious.put(event.previousHash(), event) != null) {
                return null;
            }
        }
        Map<Integer, Integer> positions = new HashMap<>();
        Set<RecordHash> seen = new HashSet<>();
        RecordHash previous = GENESIS;
        for (int position = 1; position <= events.size(); position++) {
            StoredEvent next = byPrevious.get(previous);
            if (next == null || !seen.add(next.eventHash())) {
                return null;
            }
            positions.put(next.sequenceNumber(), position);
            previous = next.eventHash();
        }
        return positions;
    }
}
