package org.suyuan.archive;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suyuan.account.CurrentUser;
import org.suyuan.db.archive.Attachment;
import org.suyuan.db.archive.AttachmentRepository;
import org.suyuan.db.archive.Batch;
import org.suyuan.ledger.RecordHash;
import org.suyuan.problem.NotFoundException;
import org.suyuan.problem.ProblemException;

/**
 * Stores photos and test reports with their SHA-256. The type is judged from the bytes, not from what the phone
 * claims, so a renamed file is refused.
 */
@Service
public class AttachmentService {

    private final AttachmentRepository attachments;
    private final BatchService batches;
    private final AttachmentProperties properties;
    private final Clock clock;

    AttachmentService(
            AttachmentRepository attachments, BatchService batches, AttachmentProperties properties, Clock clock) {
        this.attachments = attachments;
        this.batches = batches;
        this.properties = properties;
        this.clock = clock;
    }

    /** The kinds of file accepted, recognised by their first bytes. */
    enum Kind {
        JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
        PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}),
        WEBP("image/webp", new byte[] {'R', 'I', 'F', 'F'}),
        PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F'});

        private final String contentType;
        private final byte[] signature;

        Kind(String contentType, byte[] signature) {
            this.contentType = contentType;
            this.signature = signature;
        }

        static Optional<Kind> recognise(byte[] content) {
            return Arrays.stream(values())
                    .filter(kind -> content.length >= kind.signature.length
                            && Arrays.equals(
                                    content, 0, kind.signature.length, kind.signature, 0, kind.signature.length))
                    .findFirst();
        }
    }

    @Transactional
    public Attachment store(CurrentUser user, Long batchId, String filename, byte[] content) {
        Batch batch = batches.batch(user.requireOrganization(), batchId);
        return attachments.save(
                checked(batch.getId(), filename, content, properties, user.username(), clock.instant()));
    }

    /**
     * A file to attach to a batch, once its size and its type (judged from its bytes) are acceptable.
     *
     * @throws AttachmentRefusedException if it is empty, too large or of a type not accepted
     */
    static Attachment checked(
            Long batchId,
            String filename,
            byte[] content,
            AttachmentProperties properties,
            String uploadedBy,
            java.time.Instant uploadedAt) {
        if (content.length > properties.maxSize().toBytes()) {
            throw AttachmentRefusedException.tooLarge(
                    content.length, properties.maxSize().toBytes());
        }
        if (content.length == 0) {
            throw AttachmentRefusedException.empty();
        }
        Kind kind = Kind.recognise(content).orElseThrow(AttachmentRefusedException::unsupportedType);
        String name = filename == null || filename.isBlank() ? "attachment" : filename.strip();
        return new Attachment(
                batchId,
                name.length() > 255 ? name.substring(0, 255) : name,
                kind.contentType,
                RecordHash.sha256(content).hex(),
                content,
                uploadedBy,
                uploadedAt);
    }

    @Transactional(readOnly = true)
    public Attachment attachment(Long organizationId, Long batchId, Long attachmentId) {
        batches.batch(organizationId, batchId);
        return attachments
                .findByIdAndBatchId(attachmentId, batchId)
                .orElseThrow(() -> NotFoundException.attachment(attachmentId));
    }

    @Transactional(readOnly = true)
    public List<Attachment> attachments(Long organizationId, Long batchId) {
        batches.batch(organizationId, batchId);
        return attachments.findAllByBatchIdOrderById(batchId);
    }

    /** Why an upload was not stored, with what to do instead. */
    public static final class AttachmentRefusedException extends ProblemException {

        private AttachmentRefusedException(HttpStatus status, String type, String title, String detail) {
            super(status, type, title, detail);
        }

        static AttachmentRefusedException tooLarge(long size, long limit) {
            return new AttachmentRefusedException(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "attachment-too-large",
                    "文件太大",
                    "文件大小为 " + megabytes(size) + "，超过上限 " + megabytes(limit) + "。请压缩照片或拍摄较小的照片后重试。");
        }

        static AttachmentRefusedException unsupportedType() {
            return new AttachmentRefusedException(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "unsupported-attachment-type",
                    "文件类型不支持",
                    "只能上传 JPEG、PNG、WebP 照片或 PDF 检测报告。");
        }

        static AttachmentRefusedException empty() {
            return new AttachmentRefusedException(
                    HttpStatus.BAD_REQUEST, "empty-attachment", "文件为空", "上传的文件是空的，请重新选择文件。");
        }

        private static String megabytes(long bytes) {
            return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
        }
    }
}
