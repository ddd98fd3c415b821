package org.suyuan.db.portal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ImportJobRepository extends JpaRepository<ImportJob, Long> {

    Optional<ImportJob> findByIdAndOrganizationId(Long id, Long organizationId);

    List<ImportJob> findTop10ByOrganizationIdOrderByIdDesc(Long organizationId);
}
