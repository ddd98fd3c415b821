package org.suyuan.rapidtest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.suyuan.account.CurrentUser;
import org.suyuan.archive.BatchService;
import org.suyuan.archive.EventDetails;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Rapid tests", description = "快检：乡镇快检室按扫描或输入的追溯码记录快速检测结果（不合格即向监管部门标记，并在消费者页面警示）")
class RapidTestController {

    private final RapidTestService rapidTests;

    RapidTestController(RapidTestService rapidTests) {
        this.rapidTests = rapidTests;
    }

    record RapidTestRequest(
            @NotBlank @Size(max = 300) String code,
            LocalDate testedOn,
            @NotBlank @Size(max = 100) String item,
            @NotBlank @Size(max = 100) String method,
            @NotBlank @Size(max = 40) String limit,
            @NotBlank @Size(max = 40) String value,
            @Size(max = 20) String unit,
            @NotNull EventDetails.InspectionResult result,
            @NotBlank @Size(max = 100) String sampler,
            @Size(max = 200) String samplePlace,
            @Size(max = 500) String notes) {

        RapidTestService.NewRapidTest toNew() {
            return new RapidTestService.NewRapidTest(
                    code, testedOn, item, method, limit, value, unit, result, sampler, samplePlace, notes);
        }
    }

    @PostMapping(path = "/rapid-tests", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('STATION')")
    @Operation(
            summary = "Record a rapid test on the batch a code names (inspection stations)",
            description = "code: the trace code as printed, the label's URL or a GS1 Digital Link path. "
                    + "result PASS or FAIL; a numeric value above its limit cannot PASS, below it cannot FAIL. "
                    + "A FAIL flags the batch to the bureau and warns on the consumer page.")
    ResponseEntity<RapidTestService.RecordedRapidTest> record(
            CurrentUser station, @Valid @RequestBody RapidTestRequest request) {
        return created(rapidTests.record(station, request.toNew(), null));
    }

    @PostMapping(path = "/rapid-tests", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('STATION')")
    @Operation(
            summary = "Record a rapid test with the photo of its strip (inspection stations)",
            description = "Part test: the JSON of the JSON form; part photo: a JPEG, PNG or WebP photo of the strip, "
                    + "stored with the batch and bound into the record by its SHA-256.")
    ResponseEntity<RapidTestService.RecordedRapidTest> recordWithPhoto(
            CurrentUser station,
            @Valid @RequestPart("test") RapidTestRequest request,
            @RequestPart(name = "photo", required = false) MultipartFile photo) {
        return created(rapidTests.record(station, request.toNew(), photoOf(photo)));
    }

    private static ResponseEntity<RapidTestService.RecordedRapidTest> created(
            RapidTestService.RecordedRapidTest recorded) {
        return ResponseEntity.status(HttpStatus.CREATED).body(recorded);
    }

    static BatchService.StripPhoto photoOf(MultipartFile photo) {
        if (photo == null || photo.isEmpty()) {
            return null;
        }
        try {
            return new BatchService.StripPhoto(photo.getOriginalFilename(), photo.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
