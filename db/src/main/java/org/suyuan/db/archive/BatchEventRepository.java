package org.suyuan.db.archive;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * Reads and appends batch events. Deliberately a plain {@link Repository}: it has no delete method, and since
 * {@link BatchEvent} is immutable, inserting new events ({@code save}, {@link #insertAll}) is the only write there is.
 */
public interface BatchEventRepository extends Repository<BatchEvent, Long>, BatchEventInserts, BatchEventTails {

    BatchEvent save(BatchEvent event);

    Optional<BatchEvent> findByIdAndBatchId(Long id, Long batchId);

    List<BatchEvent> findAllByBatchIdOrderBySequenceNumber(Long batchId);

    /** A batch's events in order, each with its anchor leaf and anchor, in one statement (for a scan). */
    @Query("select new org.suyuan.db.archive.AnchoredEvent(e, l, a) from BatchEvent e"
            + " left join AnchorLeaf l on l.eventId = e.id"
            + " left join Anchor a on a.id = l.anchorId"
            + " where e.batchId = :batchId order by e.sequenceNumber")
    List<AnchoredEvent> findAllAnchoredByBatchId(@Param("batchId") Long batchId);

    List<BatchEvent> findAllByBatchIdAndTypeInOrderBySequenceNumber(Long batchId, Collection<EventType> types);

    Page<BatchEvent> findAllByBatchId(Long batchId, Pageable pageable);

    boolean existsBySupersedesEventId(Long supersedesEventId);

    List<BatchEvent> findAllByBatchIdIn(Collection<Long> batchIds);

    List<BatchEvent> findAllByIdIn(Collection<Long> ids);

    long count();
}
