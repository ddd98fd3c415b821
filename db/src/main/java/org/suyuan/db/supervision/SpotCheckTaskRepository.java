package org.suyuan.db.supervision;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SpotCheckTaskRepository extends JpaRepository<SpotCheckTask, Long> {

    List<SpotCheckTask> findAllByRoundIdOrderByDrawRank(Long roundId);

    List<SpotCheckTask> findAllByOrganizationIdOrderByIdDesc(Long organizationId);

    List<SpotCheckTask> findAllByBatchIdOrderByIdDesc(Long batchId);
}
