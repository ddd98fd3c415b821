package org.suyuan.code;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import org.suyuan.archive.ArchiveEntry;
import org.suyuan.archive.EventDetails;
import org.suyuan.archive.Quantity;
import org.suyuan.archive.QuantityUnit;
import org.suyuan.db.archive.EventType;

/** Archive entries and scripted random sources for the code tests, as static factories. */
final class CodeFixtures {

    static final LocalDate DAY = LocalDate.of(2026, 6, 1);

    private static long nextId = 1;

    private CodeFixtures() {}

    static ArchiveEntry harvest(String amount, QuantityUnit unit) {
        return entry(EventType.HARVEST, new EventDetails.Harvest(Quantity.of(amount, unit), null), null);
    }

    static ArchiveEntry correcting(ArchiveEntry corrected, String amount, QuantityUnit unit) {
        return entry(EventType.HARVEST, new EventDetails.Harvest(Quantity.of(amount, unit), null), corrected.id());
    }

    static ArchiveEntry irrigation() {
        return entry(EventType.IRRIGATION, new EventDetails.Irrigation("滴灌", null, null, null), null);
    }

    /**
     * A random source that replays the given 10-byte blocks, one per code, then repeats the last: lets a test
     * make the generator mint a code that is already taken.
     */
    static SecureRandom replaying(byte[]... blocks) {
        return new SecureRandom() {
            private int next;

            @Override
            public void nextBytes(byte[] bytes) {
                byte[] block = blocks[Math.min(next++, blocks.length - 1)];
                System.arraycopy(block, 0, bytes, 0, bytes.length);
            }
        };
    }

    static byte[] block(int value) {
        byte[] block = new byte[10];
        block[9] = (byte) value;
        block[8] = (byte) (value >> 8);
        return block;
    }

    private static ArchiveEntry entry(EventType type, EventDetails details, Long supersedes) {
        long id = nextId++;
        return new ArchiveEntry(
                id,
                (int) id,
                type,
                DAY,
                Instant.parse("2026-06-01T00:00:00Z"),
                "farmer",
                supersedes,
                details,
                "h" + id);
    }
}
