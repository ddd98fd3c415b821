package org.suyuan.db.archive;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ProductRepository extends JpaRepository<Product, Long> {

    Optional<Product> findByIdAndOrganizationId(Long id, Long organizationId);

    Page<Product> findAllByOrganizationId(Long organizationId, Pageable pageable);

    boolean existsByOrganizationIdAndNameAndVariety(Long organizationId, String name, String variety);
}
