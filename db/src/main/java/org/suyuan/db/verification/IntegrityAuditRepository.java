package org.suyuan.db.verification;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface IntegrityAuditRepository extends JpaRepository<IntegrityAudit, Long> {

    List<IntegrityAudit> findTop50ByOrderByIdDesc();

    Optional<IntegrityAudit> findFirstByStateOrderByIdDesc(IntegrityAudit.State state);
}
