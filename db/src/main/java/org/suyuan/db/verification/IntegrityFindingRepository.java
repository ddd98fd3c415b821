package org.suyuan.db.verification;

import java.util.Collection;
import java.util.List;
import org.springframework.data.repository.Repository;

public interface IntegrityFindingRepository extends Repository<IntegrityFinding, Long> {

    IntegrityFinding save(IntegrityFinding finding);

    List<IntegrityFinding> findAllByAuditIdOrderById(Long auditId);

    List<IntegrityFinding> findAllByAuditIdAndOrganizationIdInOrderById(Long auditId, Collection<Long> organizationIds);
}
