package org.suyuan.ledger.embedded;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of re-checking the whole embedded anchor log, as the integrity audit reports it.
 *
 * @param entriesChecked how many entries were read, up to and including the first broken one
 * @param firstBrokenEntry the first entry that does not fit the chain, empty when the log is intact
 */
public record LogVerification(long entriesChecked, Optional<BrokenEntry> firstBrokenEntry) {

    public LogVerification {
        Objects.requireNonNull(firstBrokenEntry, "firstBrokenEntry");
        if (entriesChecked < 0) {
            throw new IllegalArgumentException("Cannot check a negative number of entries: " + entriesChecked);
        }
    }

    /**
     * Where and why the chain breaks.
     *
     * @param sequenceNumber the sequence number the broken entry has, or should have had (for a missing entry)
     * @param problem what does not match, for the audit report
     */
    public record BrokenEntry(long sequenceNumber, String problem) {

        public BrokenEntry {
            Objects.requireNonNull(problem, "problem");
        }
    }

    static LogVerification intact(long entriesChecked) {
        return new LogVerification(entriesChecked, Optional.empty());
    }

    static LogVerification broken(long entriesChecked, long sequenceNumber, String problem) {
        return new LogVerification(entriesChecked, Optional.of(new BrokenEntry(sequenceNumber, problem)));
    }

    /** Whether every entry fits the chain. */
    public boolean intact() {
        return firstBrokenEntry.isEmpty();
    }
}
