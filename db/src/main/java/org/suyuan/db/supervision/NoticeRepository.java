package org.suyuan.db.supervision;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface NoticeRepository extends JpaRepository<Notice, Long> {

    List<Notice> findAllByOrganizationIdOrderByIdDesc(Long organizationId);

    long countByOrganizationIdAndReadAtIsNull(Long organizationId);
}
