package org.suyuan.qr;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Mints new trace codes and per-item serials from 80 bits of {@link SecureRandom} each.
 *
 * <p>Random rather than sequential so that a code cannot be guessed from another one; collisions
 * are negligible (about n²/2⁸¹ for n codes) but not impossible, so the app keeps a unique key on
 * the code and mints again on the rare conflict. That also covers several app instances minting
 * at once. Thread-safe.
 */
public final class TraceCodeGenerator {

    private static final int RANDOM_BYTES = 10;

    private final SecureRandom random;

    /** A generator over the platform's default strong-enough {@link SecureRandom}. */
    public TraceCodeGenerator() {
        this(new SecureRandom());
    }

    /** A generator over the given source; tests pass a seeded or scripted one. */
    public TraceCodeGenerator(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A fresh random code. */
    public TraceCode next() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return TraceCode.fromDataValues(toFiveBitValues(bytes));
    }

    /**
     * {@code count} fresh codes, for issuing per-item serials in bulk. Duplicates within the list are
     * as unlikely as anywhere else; the database's unique key is still the judge.
     */
    public List<TraceCode> next(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        List<TraceCode> codes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            codes.add(next());
        }
        return codes;
    }

    /** Splits 80 bits, most significant first, into 16 values of 5 bits. */
    static int[] toFiveBitValues(byte[] bytes) {
        int[] values = new int[TraceCode.DATA_LENGTH];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                values[index++] = (buffer >>> bits) & 0x1F;
            }
        }
        return values;
    }
}
