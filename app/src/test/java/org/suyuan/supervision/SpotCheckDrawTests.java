package org.suyuan.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SpotCheckDrawTests {

    private static List<SpotCheckDraw.Candidate> candidates(int count, String weight) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(id -> new SpotCheckDraw.Candidate(id, new BigDecimal(weight)))
                .toList();
    }

    @Test
    void theSameSeedAndInputsGiveTheSameSampleWhateverTheOrder() {
        List<SpotCheckDraw.Candidate> listed = candidates(200, "1");
        List<SpotCheckDraw.Candidate> shuffled = new ArrayList<>(listed);
        Collections.shuffle(shuffled, new Random(7));

        assertThat(SpotCheckDraw.draw("0f3a-block-hash", shuffled, 10))
                .isEqualTo(SpotCheckDraw.draw("0f3a-block-hash", listed, 10))
                .hasSize(10)
                .doesNotHaveDuplicates();
    }

    @Test
    void anotherSeedGivesAnotherSample() {
        List<SpotCheckDraw.Candidate> all = candidates(200, "1");

        assertThat(SpotCheckDraw.draw("seed-a", all, 10)).isNotEqualTo(SpotCheckDraw.draw("seed-b", all, 10));
    }

    @Test
    void aRecordedDrawIsPinnedSoThatTheMethodCannotChangeSilently() {
        List<SpotCheckDraw.Candidate> all = candidates(50, "1");

        assertThat(SpotCheckDraw.draw("suyuan-2026-11", all, 5))
                .extracting(SpotCheckDraw.Candidate::batchId)
                .containsExactlyElementsOf(PINNED);
    }

    @Test
    void heavierCandidatesAreDrawnProportionallyMoreOften() {
        List<SpotCheckDraw.Candidate> all = new ArrayList<>(candidates(99, "1"));
        all.add(new SpotCheckDraw.Candidate(100, new BigDecimal("5")));
        int heavyDrawn = 0;
        int lightDrawn = 0;
        for (int round = 0; round < 2000; round++) {
            List<Long> drawn = SpotCheckDraw.draw("round-" + round, all, 1).stream()
                    .map(SpotCheckDraw.Candidate::batchId)
                    .toList();
            heavyDrawn += drawn.contains(100L) ? 1 : 0;
            lightDrawn += drawn.contains(1L) ? 1 : 0;
        }
        // One draw from total weight 104: the heavy one ~5/104 of the time, a light one ~1/104.
        assertThat(heavyDrawn).isBetween(60, 140);
        assertThat(lightDrawn).isBetween(5, 40);
        assertThat(heavyDrawn).isGreaterThan(3 * lightDrawn);
    }

    @Test
    void uniformNumbersStayStrictlyInsideTheUnitInterval() {
        IntStream.range(0, 10_000)
                .forEach(id -> assertThat(SpotCheckDraw.uniform("s", id)).isStrictlyBetween(0.0, 1.0));
    }

    /**
     * Computed independently (Python: the five largest u = top 53 bits of SHA-256("suyuan-2026-11:" + id)), so a
     * change to the method breaks this test rather than quietly changing every recorded round's meaning.
     */
    private static final List<Long> PINNED = List.of(5L, 2L, 44L, 28L, 47L);
}
