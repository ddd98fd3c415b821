package org.suyuan.db.archive;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface BatchRepository extends JpaRepository<Batch, Long> {

    Optional<Batch> findByIdAndOrganizationId(Long id, Long organizationId);

    /** Batches after {@code id} in id order, a page at a time: how the integrity audit walks them all. */
    List<Batch> findTop200ByIdGreaterThanOrderById(Long id);

    Page<Batch> findAllByOrganizationId(Long organizationId, Pageable pageable);

    boolean existsByOrganizationIdAndBatchNumber(Long organizationId, String batchNumber);

    Optional<Batch> findByOrganizationIdAndBatchNumber(Long organizationId, String batchNumber);

    /**
     * Reads the batch with a row lock held to the end of the transaction: appending to a batch's event log
     * takes it, so concurrent writers get consecutive sequence numbers and an unbroken hash chain.
     *
     * <p>Native SQL on purpose: Hibernate's MySQL dialect writes {@code FOR UPDATE OF alias}, which MariaDB
     * rejects; a plain {@code FOR UPDATE} means the same on MySQL 8, MariaDB and H2.
     */
    @Query(
            value = "select * from batch where id = :id and organization_id = :organizationId for update",
            nativeQuery = true)
    Optional<Batch> lockByIdAndOrganizationId(@Param("id") Long id, @Param("organizationId") Long organizationId);

    /** The same lock for a batch reached through supervision or a recall, whoever owns it. */
    @Query(value = "select * from batch where id = :id for update", nativeQuery = true)
    Optional<Batch> lockById(@Param("id") Long id);
}
