package org.suyuan.db.idempotency;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface IdempotentRequestRepository extends JpaRepository<IdempotentRequest, Long> {

    Optional<IdempotentRequest> findByUsernameAndIdempotencyKey(String username, String idempotencyKey);

    /** Forgets keys older than the retention window; their retries would be too late to be the same intent. */
    @Modifying
    @Query("delete from IdempotentRequest r where r.createdAt < :before")
    int deleteCreatedBefore(@Param("before") Instant before);
}
