package org.suyuan.db.archive;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface BatchLinkRepository extends JpaRepository<BatchLink, Long> {

    List<BatchLink> findAllBySourceBatchIdOrderById(Long sourceBatchId);

    List<BatchLink> findAllByTargetBatchIdOrderById(Long targetBatchId);

    List<BatchLink> findAllBySourceBatchIdInOrderById(java.util.Collection<Long> sourceBatchIds);

    List<BatchLink> findAllByTargetBatchIdInOrderById(java.util.Collection<Long> targetBatchIds);

    List<BatchLink> findAllByTargetOrganizationIdAndStateOrderById(Long targetOrganizationId, BatchLink.State state);

    Optional<BatchLink> findByIdAndTargetOrganizationId(Long id, Long targetOrganizationId);
}
