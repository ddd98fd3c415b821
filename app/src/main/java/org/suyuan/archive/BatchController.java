package org.suyuan.archive;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.suyuan.account.CurrentUser;
import org.suyuan.archive.ArchiveResponses.AttachmentResponse;
import org.suyuan.archive.ArchiveResponses.BatchResponse;
import org.suyuan.archive.ArchiveResponses.EventResponse;
import org.suyuan.archive.ArchiveResponses.RefusedAttemptResponse;
import org.suyuan.db.archive.EventType;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Batches and events", description = "批次与生产档案：建档、农事记录、采收、检测、销售、召回")
class BatchController {

    private final BatchService batches;
    private final AttachmentService attachments;

    BatchController(BatchService batches, AttachmentService attachments) {
        this.batches = batches;
        this.attachments = attachments;
    }

    record BatchRequest(
            @NotBlank @Size(max = 20) String batchNumber,
            @NotNull Long productId,
            @NotNull Long plotId,
            LocalDate startedOn,
            @Size(max = 500) String notes) {}

    record EventRequest(
            @NotNull EventType type,
            @NotNull LocalDate occurredOn,

            @Schema(description = "Id of the event this one corrects")
            Long supersedes,

            @Schema(
                    description = "The fields of this event type",
                    oneOf = {
                        EventDetails.Planting.class,
                        EventDetails.Fertilising.class,
                        EventDetails.PesticideUse.class,
                        EventDetails.Irrigation.class,
                        EventDetails.Harvest.class,
                        EventDetails.Inspection.class,
                        EventDetails.Packing.class,
                        EventDetails.Shipment.class,
                        EventDetails.Processing.class,
                        EventDetails.Recall.class
                    })
            JsonNode details) {}

    @PostMapping("/batches")
    @Operation(summary = "Open a batch; its first event (建档) snapshots product, plot and organization")
    ResponseEntity<BatchResponse> open(CurrentUser user, @Valid @RequestBody BatchRequest request) {
        var batch = batches.open(
                user,
                new BatchService.NewBatch(
                        request.batchNumber(),
                        request.productId(),
                        request.plotId(),
                        request.startedOn(),
                        request.notes()));
        return ResponseEntity.created(URI.create("/api/v1/batches/" + batch.getId()))
                .body(BatchResponse.of(batch));
    }

    @GetMapping("/batches")
    @Operation(summary = "My organization's batches, newest first")
    PagedModel<BatchResponse> batches(
            CurrentUser user,
            @PageableDefault(size = 20, sort = "id", direction = Sort.Direction.DESC) Pageable pageable) {
        return new PagedModel<>(
                batches.batches(user.requireOrganization(), pageable).map(BatchResponse::of));
    }

    @GetMapping("/batches/{id}")
    BatchResponse batch(CurrentUser user, @PathVariable Long id) {
        return BatchResponse.of(batches.batch(user.requireOrganization(), id));
    }

    @PostMapping("/batches/{id}/events")
    @Operation(
            summary = "Record an event",
            description = "Refused with 422 and a problem type naming the rule when it breaks one "
                    + "(harvest-inside-safety-interval, banned-pesticide, restricted-pesticide, "
                    + "shipment-exceeds-harvest, event-in-future, event-before-batch-start, batch-recalled); "
                    + "refused attempts are kept for inspectors. Send an Idempotency-Key header to make retries safe.")
    ResponseEntity<EventResponse> record(
            CurrentUser user, @PathVariable Long id, @Valid @RequestBody EventRequest request) {
        ArchiveEntry entry = batches.record(
                user,
                id,
                new BatchService.NewEvent(
                        request.type(), request.occurredOn(), request.supersedes(), request.details()));
        return ResponseEntity.created(URI.create("/api/v1/batches/" + id + "/events/" + entry.id()))
                .body(EventResponse.of(entry));
    }

    record BulkItem(
            @NotNull Long batchId,
            @NotNull EventType type,
            @NotNull LocalDate occurredOn,
            Long supersedes,
            JsonNode details) {}

    record BulkRequest(
            @NotNull @jakarta.validation.constraints.Size(min = 1, max = 1000)
            List<@Valid @NotNull BulkItem> events) {}

    @PostMapping("/events/bulk")
    @Operation(
            summary = "Record up to 1,000 events, for one or several batches, all or none",
            description = "Each event is judged by the same rules as a single one, against its batch's history "
                    + "including the events before it in the request. When one is refused, nothing is stored and "
                    + "the problem names its position in `index`. Send an Idempotency-Key header to make retries safe.")
    ResponseEntity<List<BatchService.Recorded>> recordAll(CurrentUser user, @Valid @RequestBody BulkRequest request) {
        List<BatchService.Recorded> recorded = batches.recordAll(
                user,
                request.events().stream()
                        .map(item -> new BatchService.BulkEvent(
                                item.batchId(),
                                new BatchService.NewEvent(
                                        item.type(), item.occurredOn(), item.supersedes(), item.details())))
                        .toList());
        return ResponseEntity.status(org.springframework.http.HttpStatus.CREATED)
                .body(recorded);
    }

    @GetMapping("/batches/{id}/events")
    @Operation(summary = "A batch's events in recording order, with paging")
    PagedModel<EventResponse> events(
            CurrentUser user,
            @PathVariable Long id,
            @PageableDefault(size = 50, sort = "sequenceNumber") Pageable pageable) {
        return new PagedModel<>(
                batches.events(user.requireOrganization(), id, pageable).map(EventResponse::of));
    }

    @GetMapping("/batches/{id}/history")
    @Operation(summary = "A batch's whole archive, corrections included, in recording order")
    List<EventResponse> history(CurrentUser user, @PathVariable Long id) {
        return batches.history(user.requireOrganization(), id).stream()
                .map(EventResponse::of)
                .toList();
    }

    @PostMapping(path = "/batches/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach a photo or test report (JPEG, PNG, WebP or PDF; 10 MB at most)")
    ResponseEntity<AttachmentResponse> attach(
            CurrentUser user, @PathVariable Long id, @RequestPart("file") MultipartFile file) throws IOException {
        var attachment = attachments.store(user, id, file.getOriginalFilename(), file.getBytes());
        return ResponseEntity.created(URI.create("/api/v1/batches/" + id + "/attachments/" + attachment.getId()))
                .body(AttachmentResponse.of(attachment));
    }

    @GetMapping("/batches/{id}/attachments")
    List<AttachmentResponse> attachments(CurrentUser user, @PathVariable Long id) {
        return attachments.attachments(user.requireOrganization(), id).stream()
                .map(AttachmentResponse::of)
                .toList();
    }

    @GetMapping("/batches/{id}/attachments/{attachmentId}")
    @Operation(summary = "Download an attachment")
    ResponseEntity<byte[]> attachment(CurrentUser user, @PathVariable Long id, @PathVariable Long attachmentId) {
        var attachment = attachments.attachment(user.requireOrganization(), id, attachmentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(attachment.getContentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(attachment.getFilename(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-SHA256", attachment.getSha256())
                .body(attachment.getContent());
    }

    @GetMapping("/refused-attempts")
    @Operation(summary = "Attempts the rules refused for my organization, newest first")
    PagedModel<RefusedAttemptResponse> refusedAttempts(
            CurrentUser user,
            @PageableDefault(size = 20, sort = "id", direction = Sort.Direction.DESC) Pageable pageable) {
        return new PagedModel<>(
                batches.refusedAttempts(user.requireOrganization(), pageable).map(RefusedAttemptResponse::of));
    }
}
