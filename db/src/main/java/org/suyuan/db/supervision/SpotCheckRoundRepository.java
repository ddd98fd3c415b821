package org.suyuan.db.supervision;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SpotCheckRoundRepository extends JpaRepository<SpotCheckRound, Long> {

    List<SpotCheckRound> findAllByJurisdictionCodeStartingWithOrderByIdDesc(String jurisdictionPrefix);
}
