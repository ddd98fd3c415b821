package org.suyuan.db.anchoring;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

/** Lookups of outbox leaves; writes go through {@link AnchorOutbox}. */
public interface AnchorLeafRepository extends Repository<AnchorLeaf, Long> {

    Optional<AnchorLeaf> findByEventId(Long eventId);

    List<AnchorLeaf> findAllByAnchorIdOrderByLeafIndex(Long anchorId);

    List<AnchorLeaf> findAllByBatchId(Long batchId);

    List<AnchorLeaf> findAllByBatchIdIn(java.util.Collection<Long> batchIds);

    long count();
}
