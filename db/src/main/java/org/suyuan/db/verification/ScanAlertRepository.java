package org.suyuan.db.verification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.repository.Repository;

public interface ScanAlertRepository extends Repository<ScanAlert, Long> {

    ScanAlert save(ScanAlert alert);

    boolean existsByCodeAndRaisedAtGreaterThanEqual(String code, Instant since);

    List<ScanAlert> findAllByCodeOrderByIdDesc(String code);

    List<ScanAlert> findTop200ByOrganizationIdInOrderByIdDesc(Collection<Long> organizationIds);

    List<ScanAlert> findTop200ByOrderByIdDesc();
}
