package org.suyuan.code;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.suyuan.qr.TraceCode;
import org.suyuan.qr.TraceCodeGenerator;

/**
 * Mints codes that are not taken yet. With 80 random bits a collision is negligible (about n²/2⁸¹ among n
 * codes) but not impossible, so a candidate already issued (to any batch of any organization) is replaced by a
 * fresh one before anything is written. The primary key on the code still judges the rare
 * race of two instances minting the same new code at the same moment.
 */
final class CodeMint {

    /** Codes looked up per query, keeping the {@code IN} list a size every database accepts. */
    static final int LOOKUP_CHUNK = 1_000;

    /** Rounds of replacement before concluding that the random source is broken. */
    private static final int MAX_ROUNDS = 5;

    private final TraceCodeGenerator generator;

    CodeMint(TraceCodeGenerator generator) {
        this.generator = generator;
    }

    /**
     * {@code count} distinct codes, none of them in use.
     *
     * @param takenAmong answers which of the given code values are already issued
     * @throws IllegalStateException if fresh codes keep colliding, which only a broken random source explains
     */
    List<TraceCode> mint(int count, Function<Collection<String>, Set<String>> takenAmong) {
        Map<String, TraceCode> fresh = new LinkedHashMap<>();
        int rounds = 0;
        while (fresh.size() < count) {
            if (rounds++ == MAX_ROUNDS) {
                throw new IllegalStateException("Freshly minted codes keep colliding with issued ones after "
                        + MAX_ROUNDS + " rounds: the random source is not random");
            }
            Map<String, TraceCode> candidates = new LinkedHashMap<>();
            for (TraceCode candidate : generator.next(count - fresh.size())) {
                if (!fresh.containsKey(candidate.value())) {
                    candidates.put(candidate.value(), candidate);
                }
            }
            List<String> values = new ArrayList<>(candidates.keySet());
            for (int from = 0; from < values.size(); from += LOOKUP_CHUNK) {
                takenAmong
                        .apply(values.subList(from, Math.min(values.size(), from + LOOKUP_CHUNK)))
                        .forEach(candidates::remove);
            }
            fresh.putAll(candidates);
        }
        return List.copyOf(fresh.values());
    }

    TraceCode mintOne(Function<Collection<String>, Set<String>> takenAmong) {
        return mint(1, takenAmong).get(0);
    }
}
