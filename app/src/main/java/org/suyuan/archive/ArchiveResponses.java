package org.suyuan.archive;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.suyuan.db.archive.Attachment;
import org.suyuan.db.archive.Batch;
import org.suyuan.db.archive.Organization;
import org.suyuan.db.archive.Plot;
import org.suyuan.db.archive.Product;
import org.suyuan.db.archive.RefusedAttempt;

/** What the archive API returns. Personal data appears masked only. */
final class ArchiveResponses {

    private ArchiveResponses() {}

    record OrganizationResponse(
            Long id,
            String name,
            String type,
            String typeName,
            String creditCode,
            String idCardMasked,
            String regionCode,
            String regionName,
            String address,
            String contactName,
            String contactPhone,
            String gln,
            Instant createdAt) {

        static OrganizationResponse of(Organization o, Regions regions) {
            return new OrganizationResponse(
                    o.getId(),
                    o.getName(),
                    o.getType().name(),
                    o.getType().chineseName(),
                    o.getCreditCode(),
                    o.getIdCardMasked(),
                    o.getRegionCode(),
                    regions.fullName(o.getRegionCode()),
                    o.getAddress(),
                    o.getContactName(),
                    o.getContactPhone(),
                    o.getGln(),
                    o.getCreatedAt());
        }
    }

    record PlotResponse(
            Long id,
            String name,
            String regionCode,
            String regionName,
            String address,
            BigDecimal latitude,
            BigDecimal longitude,
            BigDecimal areaMu) {

        static PlotResponse of(Plot p, Regions regions) {
            return new PlotResponse(
                    p.getId(),
                    p.getName(),
                    p.getRegionCode(),
                    regions.fullName(p.getRegionCode()),
                    p.getAddress(),
                    p.getLatitude(),
                    p.getLongitude(),
                    p.getAreaMu());
        }
    }

    record ProductResponse(
            Long id,
            String name,
            String category,
            String categoryName,
            String variety,
            String gtin,
            Quantity itemSize) {

        static ProductResponse of(Product p) {
            return new ProductResponse(
                    p.getId(),
                    p.getName(),
                    p.getCategory().name(),
                    p.getCategory().chineseName(),
                    p.getVariety(),
                    p.getGtin(),
                    OrganizationService.itemSizeOf(p).orElse(null));
        }
    }

    record BatchResponse(
            Long id,
            String batchNumber,
            Long productId,
            Long plotId,
            String status,
            String statusName,
            LocalDate startedOn,
            Instant createdAt) {

        static BatchResponse of(Batch b) {
            return new BatchResponse(
                    b.getId(),
                    b.getBatchNumber(),
                    b.getProductId(),
                    b.getPlotId(),
                    b.getStatus().name(),
                    b.getStatus().chineseName(),
                    b.getStartedOn(),
                    b.getCreatedAt());
        }
    }

    record EventResponse(
            Long id,
            int sequenceNumber,
            String type,
            String typeName,
            LocalDate occurredOn,
            Instant recordedAt,
            String recordedBy,
            Long supersedes,
            EventDetails details,
            String eventHash) {

        static EventResponse of(ArchiveEntry e) {
            return new EventResponse(
                    e.id(),
                    e.sequenceNumber(),
                    e.type().name(),
                    e.type().chineseName(),
                    e.occurredOn(),
                    e.recordedAt(),
                    e.recordedBy(),
                    e.supersedesEventId(),
                    e.details(),
                    e.eventHash());
        }
    }

    record AttachmentResponse(
            Long id, String filename, String contentType, long sizeBytes, String sha256, Instant uploadedAt) {

        static AttachmentResponse of(Attachment a) {
            return new AttachmentResponse(
                    a.getId(), a.getFilename(), a.getContentType(), a.getSizeBytes(), a.getSha256(), a.getUploadedAt());
        }
    }

    record RefusedAttemptResponse(
            Long id,
            Long batchId,
            String username,
            Instant attemptedAt,
            String rule,
            String eventType,
            String message) {

        static RefusedAttemptResponse of(RefusedAttempt r) {
            return new RefusedAttemptResponse(
                    r.getId(),
                    r.getBatchId(),
                    r.getUsername(),
                    r.getAttemptedAt(),
                    r.getRule(),
                    r.getEventType() == null ? null : r.getEventType().name(),
                    r.getMessage());
        }
    }
}
