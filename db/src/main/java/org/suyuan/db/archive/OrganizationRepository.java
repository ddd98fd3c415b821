package org.suyuan.db.archive;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OrganizationRepository extends JpaRepository<Organization, Long> {

    Optional<Organization> findByCreditCode(String creditCode);

    boolean existsByCreditCode(String creditCode);

    boolean existsByIdCardFingerprint(String idCardFingerprint);

    boolean existsByGlnAndIdNot(String gln, Long id);
}
