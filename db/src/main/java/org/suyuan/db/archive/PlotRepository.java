package org.suyuan.db.archive;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PlotRepository extends JpaRepository<Plot, Long> {

    Optional<Plot> findByIdAndOrganizationId(Long id, Long organizationId);

    Page<Plot> findAllByOrganizationId(Long organizationId, Pageable pageable);

    boolean existsByOrganizationIdAndName(Long organizationId, String name);
}
