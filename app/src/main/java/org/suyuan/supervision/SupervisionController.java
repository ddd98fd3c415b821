package org.suyuan.supervision;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.suyuan.account.CurrentUser;
import org.suyuan.archive.EventDetails;
import org.suyuan.archive.Regions;
import org.suyuan.audit.AuditAction;
import org.suyuan.audit.AuditLog;
import org.suyuan.db.supervision.SpotCheckRound;
import org.suyuan.db.supervision.SpotCheckTask;
import org.suyuan.problem.NotFoundException;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Supervision", description = "监管：辖区名录、标记、抽检、追溯、召回、导出（仅限本辖区）")
class SupervisionController {

    private final SupervisionService supervision;
    private final SpotCheckService spotChecks;
    private final RecallService recalls;
    private final TraceService traces;
    private final EventExport export;
    private final Regions regions;
    private final IntegrityOversight integrity;
    private final AuditLog audit;

    SupervisionController(
            SupervisionService supervision,
            SpotCheckService spotChecks,
            RecallService recalls,
            TraceService traces,
            EventExport export,
            Regions regions,
            IntegrityOversight integrity,
            AuditLog audit) {
        this.integrity = integrity;
        this.audit = audit;
        this.supervision = supervision;
        this.spotChecks = spotChecks;
        this.recalls = recalls;
        this.traces = traces;
        this.export = export;
        this.regions = regions;
    }

    record PlanRequest(
            @NotBlank @Size(max = 200) String title,
            @NotNull @Min(1) @Max(500) Integer sampleSize,
            @NotBlank @Size(max = 200) String seed) {}

    record SamplingRequest(
            @NotBlank @Size(max = 60) String sampleNumber,
            @NotEmpty List<@NotBlank @Size(max = 40) String> samplers,
            @NotNull LocalDate sampledOn,
            @NotBlank @Size(max = 300) String place,
            @NotBlank @Size(max = 60) String sealNumber) {}

    record ResultRequest(
            @NotEmpty @Size(max = 100) List<@Valid ItemRequest> items,
            Long reportAttachmentId,
            @Size(max = 500) String recallReason) {}

    record ItemRequest(
            @NotBlank @Size(max = 100) String item,
            @NotBlank @Size(max = 40) String measured,
            @NotBlank @Size(max = 40) String limit,
            @Size(max = 20) String unit,
            @NotNull Boolean passed) {}

    record RecallRequest(
            @NotBlank @Size(max = 500) String reason,
            @Size(max = 500) String instructions) {}

    record RoundResponse(SpotCheckRound round, List<SpotCheckTask> tasks) {}

    @GetMapping("/supervision/integrity")
    @Operation(
            summary = "Integrity audit reports and counterfeit-scan alerts of my jurisdiction (the latest finished"
                    + " report unless ?audit=id)")
    IntegrityOversight.Overview integrity(CurrentUser user, @RequestParam(required = false) Long audit) {
        return integrity.overview(user, audit);
    }

    @GetMapping("/supervision/dashboard")
    @Operation(summary = "Counts and flags of my jurisdiction, each flag with its evidence")
    SupervisionService.Dashboard dashboard(CurrentUser user) {
        return supervision.dashboard(user);
    }

    @GetMapping("/supervision/producers")
    @Operation(summary = "The producers (名录) of my jurisdiction")
    List<SupervisionQueries.ProducerRow> producers(CurrentUser user) {
        return supervision.producers(user);
    }

    @GetMapping("/supervision/producers/{id}")
    @Operation(summary = "A producer: batches, flags, spot-check history, data-quality score")
    SupervisionService.ProducerView producer(CurrentUser user, @PathVariable long id) {
        return supervision.producer(user, id);
    }

    @GetMapping("/supervision/batches")
    List<SupervisionQueries.BatchRow> batches(CurrentUser user) {
        return supervision.batches(user);
    }

    @GetMapping("/supervision/batches/{id}")
    @Operation(summary = "A batch of my jurisdiction with its whole archive")
    SupervisionService.BatchView batch(CurrentUser user, @PathVariable long id) {
        return supervision.batch(user, id);
    }

    @GetMapping("/batches/{id}/trace")
    @Operation(
            summary = "Trace a batch backward and forward",
            description = "Regulators: a batch of their jurisdiction; producers: their own. Batches the caller may "
                    + "not read appear as visible=false with only their region.")
    TraceService.Trace trace(CurrentUser user, @PathVariable long id) {
        return traces.trace(user, id);
    }

    @GetMapping("/supervision/spot-checks/candidates")
    @Operation(summary = "Every batch that a round would draw from, with its weight and the weight's parts")
    List<SpotCheckService.Draw> candidates(CurrentUser user) {
        return spotChecks.candidates(user);
    }

    @PostMapping("/supervision/spot-checks")
    @Operation(
            summary = "Plan a spot-check round by risk-weighted random sampling",
            description = "Reproducible: the seed (e.g. a ledger block hash) and the weighted candidates are "
                    + "recorded; GET …/reproduction re-runs the draw.")
    ResponseEntity<RoundResponse> plan(CurrentUser user, @Valid @RequestBody PlanRequest request) {
        SpotCheckService.PlannedRound round =
                spotChecks.plan(user, request.title(), request.sampleSize(), request.seed());
        return ResponseEntity.created(java.net.URI.create(
                        "/api/v1/supervision/spot-checks/" + round.round().getId()))
                .body(new RoundResponse(round.round(), round.tasks()));
    }

    @GetMapping("/supervision/spot-checks")
    List<SpotCheckRound> rounds(CurrentUser user) {
        return spotChecks.rounds(user);
    }

    @GetMapping("/supervision/spot-checks/{id}")
    RoundResponse round(CurrentUser user, @PathVariable long id) {
        SpotCheckService.PlannedRound round = spotChecks.round(user, id);
        return new RoundResponse(round.round(), round.tasks());
    }

    @GetMapping("/supervision/spot-checks/{id}/reproduction")
    @Operation(summary = "Re-run a round's draw from its recorded seed and inputs")
    SpotCheckService.Reproduction reproduce(CurrentUser user, @PathVariable long id) {
        return spotChecks.reproduce(user, id);
    }

    @PostMapping("/supervision/spot-check-tasks/{id}/sampling")
    @Operation(summary = "Record the sampling (抽样单): sample number, at least two samplers, date, place, seal")
    SpotCheckTask sampling(CurrentUser user, @PathVariable long id, @Valid @RequestBody SamplingRequest request) {
        return spotChecks.recordSampling(
                user,
                id,
                new SpotCheckService.Sampling(
                        request.sampleNumber(),
                        request.samplers(),
                        request.sampledOn(),
                        request.place(),
                        request.sealNumber()));
    }

    @PostMapping("/supervision/spot-check-tasks/{id}/result")
    @Operation(summary = "Record the result; a failure flags the batch, notifies the producer and may recall")
    SpotCheckTask result(CurrentUser user, @PathVariable long id, @Valid @RequestBody ResultRequest request) {
        return spotChecks.recordResult(
                user,
                id,
                request.items().stream()
                        .map(i -> new SpotCheckService.TestedItem(
                                i.item(), i.measured(), i.limit(), i.unit() == null ? "" : i.unit(), i.passed()))
                        .toList(),
                request.reportAttachmentId(),
                request.recallReason());
    }

    @PostMapping("/supervision/batches/{id}/recall")
    @Operation(summary = "Recall a batch and every batch downstream of it, at any depth")
    RecallService.RecallReport recall(
            CurrentUser user, @PathVariable long id, @Valid @RequestBody RecallRequest request) {
        return recalls.recall(user, id, new EventDetails.Recall(request.reason(), request.instructions(), null));
    }

    @GetMapping("/supervision/exports/events.{format}")
    @Operation(summary = "Export events of my jurisdiction as CSV or XLSX, streamed")
    ResponseEntity<StreamingResponseBody> exportJurisdiction(
            CurrentUser user,
            @PathVariable String format,
            @RequestParam(required = false) Long organizationId,
            @RequestParam(required = false) Long batchId,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Jurisdiction jurisdiction = Jurisdiction.of(user);
        String prefix = jurisdiction.prefix();
        if (region != null && !region.isBlank()) {
            if (!jurisdiction.contains(region) || regions.find(region).isEmpty()) {
                throw NotFoundException.region(region);
            }
            prefix = Regions.prefixOf(region);
        }
        List<Long> batches = null;
        if (batchId != null) {
            TraceService.Trace trace = traces.trace(user, batchId);
            batches = new java.util.ArrayList<>();
            batches.add(trace.batch().batchId());
            for (TraceService.Node node : trace.backward()) {
                if (node.visible()) {
                    batches.add(node.batchId());
                }
            }
            for (TraceService.Node node : trace.forward()) {
                if (node.visible()) {
                    batches.add(node.batchId());
                }
            }
        }
        String audited = region != null && !region.isBlank() ? region : jurisdiction.code();
        return stream(
                format,
                new EventExport.Selection(prefix, organizationId, batches, from, to),
                "supervision",
                () -> audit.record(
                        AuditAction.EXPORT,
                        "辖区事件导出（" + format + "）",
                        audited,
                        ExportAudit.filters(organizationId, batchId, from, to)));
    }

    @GetMapping("/exports/events.{format}")
    @Operation(summary = "Export my organization's events as CSV or XLSX, streamed")
    ResponseEntity<StreamingResponseBody> exportOwn(CurrentUser user, @PathVariable String format) {
        Long organization = user.requireOrganization();
        return stream(
                format,
                new EventExport.Selection("", organization, null, null, null),
                "archive",
                () -> audit.record(AuditAction.EXPORT, "本主体事件导出（" + format + "）", null, "主体编号 " + organization));
    }

    /** Streams the export, once the format is known to be one there is, after {@code audited} has logged it. */
    private ResponseEntity<StreamingResponseBody> stream(
            String format, EventExport.Selection selection, String name, Runnable audited) {
        EventExport.Format chosen = switch (format) {
            case "csv" -> EventExport.Format.CSV;
            case "xlsx" -> EventExport.Format.XLSX;
            default -> throw NotFoundException.exportFormat(format);
        };
        audited.run();
        MediaType type = chosen == EventExport.Format.CSV
                ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)
                : MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        StreamingResponseBody body = out -> export.write(selection, chosen, out);
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name + "-events." + format)
                                .build()
                                .toString())
                .body(body);
    }
}
