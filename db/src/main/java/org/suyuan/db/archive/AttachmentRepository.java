package org.suyuan.db.archive;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

/** Attachments are written once and read; like events, they are never changed. */
public interface AttachmentRepository extends Repository<Attachment, Long> {

    Attachment save(Attachment attachment);

    Optional<Attachment> findByIdAndBatchId(Long id, Long batchId);

    List<Attachment> findAllByBatchIdOrderById(Long batchId);

    List<Attachment> findAllByBatchIdIn(java.util.Collection<Long> batchIds);
}
