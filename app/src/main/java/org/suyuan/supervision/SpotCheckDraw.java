package org.suyuan.supervision;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import org.suyuan.ledger.RecordHash;

/**
 * Risk-weighted random sampling without replacement that anyone can re-run: the same seed and the same weighted
 * candidates always give the same sample, on any machine.
 *
 * <p>The method is Efraimidis and Spirakis' (2006): each candidate {@code i} gets a uniform number {@code u_i} in
 * (0, 1) and the key {@code ln(u_i) / w_i}; the {@code n} largest keys are drawn. A heavier weight makes a
 * candidate proportionally more likely to be drawn. {@code u_i} is not taken from a running random generator but
 * derived from the seed and the candidate's id alone — the first 53 bits of SHA-256({@code seed ":" id}) — so the
 * draw does not depend on the order candidates were listed in; logarithms use {@link StrictMath} for
 * bit-identical results across JVMs.
 */
public final class SpotCheckDraw {

    private SpotCheckDraw() {}

    /** A batch that may be drawn, with its weight (greater than zero). */
    public record Candidate(long batchId, BigDecimal weight) {

        public Candidate {
            if (weight.signum() <= 0) {
                throw new IllegalArgumentException("A weight is positive, got " + weight + " for batch " + batchId);
            }
        }
    }

    /** The drawn candidates, most strongly drawn first. */
    public static List<Candidate> draw(String seed, List<Candidate> candidates, int sampleSize) {
        return candidates.stream()
                .sorted(Comparator.comparingDouble((Candidate c) -> key(seed, c))
                        .reversed()
                        .thenComparingLong(Candidate::batchId))
                .limit(sampleSize)
                .toList();
    }

    /** The uniform number in (0, 1) that the seed gives a batch. */
    static double uniform(String seed, long batchId) {
        byte[] digest = RecordHash.sha256((seed + ":" + batchId).getBytes(StandardCharsets.UTF_8))
                .bytes();
        long bits = ByteBuffer.wrap(digest).getLong() >>> 11;
        return (bits + 0.5) / (1L << 53);
    }

    private static double key(String seed, Candidate candidate) {
        return StrictMath.log(uniform(seed, candidate.batchId()))
                / candidate.weight().doubleValue();
    }
}
