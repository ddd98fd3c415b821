package org.suyuan.db.archive;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

public interface RefusedAttemptRepository extends Repository<RefusedAttempt, Long> {

    RefusedAttempt save(RefusedAttempt attempt);

    Page<RefusedAttempt> findAllByOrganizationId(Long organizationId, Pageable pageable);

    Page<RefusedAttempt> findAllByBatchId(Long batchId, Pageable pageable);

    long countByBatchIdAndRule(Long batchId, String rule);
}
