package org.suyuan.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.suyuan.db.archive.EventType;

/**
 * One recorded event with its details parsed: what the rules, the pages and the verification read.
 *
 * @param supersedesEventId the event this one corrects, or null
 */
public record ArchiveEntry(
        Long id,
        int sequenceNumber,
        EventType type,
        LocalDate occurredOn,
        Instant recordedAt,
        String recordedBy,
        Long supersedesEventId,
        EventDetails details,
        String eventHash) {

    /** The entries still in force: every entry a later correction superseded is left out. */
    public static List<ArchiveEntry> effective(List<ArchiveEntry> history) {
        Set<Long> superseded = new HashSet<>();
        history.stream()
                .map(ArchiveEntry::supersedesEventId)
                .filter(java.util.Objects::nonNull)
                .forEach(superseded::add);
        return history.stream().filter(e -> !superseded.contains(e.id())).toList();
    }

    public <T extends EventDetails> T detailsAs(Class<T> kind) {
        return kind.cast(details);
    }
}
