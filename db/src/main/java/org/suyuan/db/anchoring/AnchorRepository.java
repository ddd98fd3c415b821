package org.suyuan.db.anchoring;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AnchorRepository extends JpaRepository<Anchor, Long> {

    /** The head of the chain: the anchor with the highest sequence number, whatever its state. */
    Optional<Anchor> findFirstByOrderBySequenceNumberDesc();

    Optional<Anchor> findFirstByStateOrderBySequenceNumberDesc(AnchorState state);

    Optional<Anchor> findBySequenceNumber(long sequenceNumber);

    List<Anchor> findAllByOrderBySequenceNumber();

    /** Anchors in one state, oldest first: the ones still on their way to the ledger, for instance. */
    List<Anchor> findAllByStateOrderBySequenceNumber(AnchorState state);

    long countByState(AnchorState state);
}
