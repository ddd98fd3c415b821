package org.suyuan.db.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

    Optional<ApiToken> findByTokenHash(String tokenHash);

    List<ApiToken> findAllByUserIdOrderByIdDesc(Long userId);

    Optional<ApiToken> findByIdAndUserId(Long id, Long userId);

    /** Revokes every token of a user that is not revoked yet; returns how many. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("UPDATE ApiToken t SET t.revokedAt = :at WHERE t.userId = :userId AND t.revokedAt IS NULL")
    int revokeAllOf(@Param("userId") Long userId, @Param("at") Instant at);
}
