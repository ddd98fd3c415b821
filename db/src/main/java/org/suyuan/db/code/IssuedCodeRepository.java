package org.suyuan.db.code;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface IssuedCodeRepository extends JpaRepository<IssuedCode, String>, IssuedCodeInserts {

    Page<IssuedCode> findAllByBatchId(Long batchId, Pageable pageable);

    List<IssuedCode> findAllByBatchIdAndKindAndStatusAndItemNumberBetweenOrderByItemNumber(
            Long batchId, CodeKind kind, CodeStatus status, int fromItemNumber, int toItemNumber);

    /** The highest serial number of a batch, 0 before the first: serials are numbered without gaps. */
    @Query("select coalesce(max(c.itemNumber), 0) from IssuedCode c where c.batchId = :batchId")
    int lastItemNumber(@Param("batchId") Long batchId);

    /** A code and its batch in one statement, for a scan. */
    @Query("select new org.suyuan.db.code.ScannedCode(c, b, (select count(a) from Attachment a where a.batchId = b.id))"
            + " from IssuedCode c join Batch b on b.id = c.batchId and b.organizationId = c.organizationId"
            + " where c.code = :code")
    Optional<ScannedCode> findScanned(@Param("code") String code);

    /** Which of these codes are already taken, by any batch of any organization. */
    @Query("select c.code from IssuedCode c where c.code in :codes")
    Set<String> findTaken(@Param("codes") Collection<String> codes);

    /**
     * Takes the row lock on a batch that appending an event takes too, to the end of the transaction: serials
     * are then numbered one after another, and the harvest they are capped by cannot change meanwhile. Take it
     * before reading anything else: on MySQL a transaction's snapshot dates from its first plain read, and a
     * snapshot older than the lock would miss what the previous holder wrote.
     *
     * <p>Native SQL for the same reason as {@code BatchRepository.lockByIdAndOrganizationId}: a plain
     * {@code FOR UPDATE} means the same on MySQL 8, MariaDB and H2.
     */
    @Query(
            value = "select id from batch where id = :batchId and organization_id = :organizationId for update",
            nativeQuery = true)
    Optional<Long> lockBatch(@Param("batchId") Long batchId, @Param("organizationId") Long organizationId);

    /**
     * The batch's trace code (its item number 0; serials are 1, 2, 3...), read with a lock: a locking read sees the latest committed row even when the
     * transaction's snapshot is older (MySQL), so a trace code another instance just issued is not missed.
     */
    @Query(
            value = "select * from issued_code where batch_id = :batchId and item_number = 0 for update",
            nativeQuery = true)
    Optional<IssuedCode> lockBatchCode(@Param("batchId") Long batchId);

    /**
     * The batches a batch-level GS1 Digital Link names: batch number (AI 10) of a product with this GTIN (AI
     * 01). Batch numbers are unique per organization only, so two organizations that claim one GTIN can match.
     */
    @Query("select new org.suyuan.db.code.BatchReference(b.id, b.organizationId) from Batch b, Product p"
            + " where p.id = b.productId and p.gtin = :gtin and b.batchNumber = :batchNumber order by b.id")
    List<BatchReference> findBatchesByGtinAndBatchNumber(
            @Param("gtin") String gtin, @Param("batchNumber") String batchNumber);

    /** The trace codes (kind BATCH) of several batches: how audit reports name the batches they list. */
    List<IssuedCode> findAllByBatchIdInAndKind(java.util.Collection<Long> batchIds, CodeKind kind);
}
