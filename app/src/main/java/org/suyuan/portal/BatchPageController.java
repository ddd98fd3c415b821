package org.suyuan.portal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.suyuan.account.CurrentUser;
import org.suyuan.archive.AttachmentService;
import org.suyuan.archive.BatchService;
import org.suyuan.db.archive.Attachment;
import org.suyuan.db.archive.Batch;
import org.suyuan.problem.ProblemException;
import org.suyuan.web.FormErrors;
import org.suyuan.web.PageController;

/** Opening a batch, the batch page (timeline, attachments, links, codes), and photos and test reports. */
@PageController
class BatchPageController {

    private final BatchService batches;
    private final AttachmentService attachments;
    private final BatchViews views;
    private final BatchPage batchPage;
    private final PortalMessages messages;
    private final Today today;
    private final DataSize maxAttachmentSize;

    BatchPageController(
            BatchService batches,
            AttachmentService attachments,
            BatchViews views,
            BatchPage batchPage,
            PortalMessages messages,
            Today today,
            @Value("${suyuan.attachments.max-size:10MB}") DataSize maxAttachmentSize) {
        this.batches = batches;
        this.attachments = attachments;
        this.views = views;
        this.batchPage = batchPage;
        this.messages = messages;
        this.today = today;
        this.maxAttachmentSize = maxAttachmentSize;
    }

    @GetMapping("/portal/batches/new")
    String newBatch(CurrentUser user, Model model) {
        Long organizationId = user.requireOrganization();
        NewBatchForm form = new NewBatchForm();
        LocalDate day = today.date();
        long count = batches.batches(organizationId, PageRequest.of(0, 1)).getTotalElements();
        form.setBatchNumber("B" + DateTimeFormatter.BASIC_ISO_DATE.format(day) + "-" + (count + 1));
        form.setStartedOn(day.toString());
        return newBatchPage(organizationId, form, model);
    }

    @PostMapping("/portal/batches")
    String open(
            CurrentUser user,
            @Valid @ModelAttribute("form") NewBatchForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response) {
        Long organizationId = user.requireOrganization();
        LocalDate startedOn =
                errors.hasFieldErrors("startedOn") ? null : date(form.getStartedOn(), "startedOn", errors);
        if (!errors.hasErrors()) {
            try {
                Batch batch = batches.open(
                        user,
                        new BatchService.NewBatch(
                                form.getBatchNumber().strip(),
                                form.getProductId(),
                                form.getPlotId(),
                                startedOn,
                                blankToNull(form.getNotes())));
                return "redirect:/portal/batches/" + batch.getId();
            } catch (ProblemException problem) {
                FormErrors.reject(errors, problem, field -> field);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return newBatchPage(organizationId, form, model);
    }

    private String newBatchPage(Long organizationId, NewBatchForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute(
                "products",
                views.products(organizationId).values().stream()
                        .sorted(java.util.Comparator.comparing(p -> p.getName() + p.getVariety()))
                        .toList());
        model.addAttribute(
                "plots",
                views.plots(organizationId).values().stream()
                        .sorted(java.util.Comparator.comparing(p -> p.getName()))
                        .toList());
        model.addAttribute("today", today.date());
        return "portal/batch-new";
    }

    @GetMapping("/portal/batches/{id}")
    String batch(CurrentUser user, @PathVariable Long id, Model model) {
        return batchPage.show(user, id, model);
    }

    @PostMapping("/portal/batches/{id}/attachments")
    String upload(
            CurrentUser user,
            @PathVariable Long id,
            @RequestParam(name = "file", required = false) MultipartFile file,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect)
            throws IOException {
        Long organizationId = user.requireOrganization();
        batches.batch(organizationId, id);
        if (file == null || file.isEmpty()) {
            return uploadFailed(user, id, model, response, HttpStatus.BAD_REQUEST, messages.get("upload.empty"));
        }
        if (file.getSize() > maxAttachmentSize.toBytes()) {
            return uploadFailed(
                    user,
                    id,
                    model,
                    response,
                    HttpStatus.CONTENT_TOO_LARGE,
                    messages.get("upload.tooLarge", megabytes(file.getSize()), maxAttachmentSize.toMegabytes()));
        }
        try {
            Attachment stored = attachments.store(user, id, file.getOriginalFilename(), file.getBytes());
            redirect.addFlashAttribute("saved", messages.get("upload.saved", stored.getFilename()));
            return "redirect:/portal/batches/" + id + "#attachments";
        } catch (ProblemException problem) {
            return uploadFailed(user, id, model, response, problem.status(), problem.detail());
        }
    }

    private String uploadFailed(
            CurrentUser user, Long id, Model model, HttpServletResponse response, HttpStatus status, String message) {
        response.setStatus(status.value());
        model.addAttribute("uploadError", message);
        return batchPage.show(user, id, model);
    }

    @GetMapping("/portal/batches/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(CurrentUser user, @PathVariable Long id, @PathVariable Long attachmentId) {
        Attachment attachment = attachments.attachment(user.requireOrganization(), id, attachmentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(attachment.getContentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(attachment.getFilename(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(attachment.getContent());
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / 1024.0 / 1024.0);
    }

    private LocalDate date(String value, String field, BindingResult errors) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException | NullPointerException e) {
            errors.rejectValue(field, "date", messages.get("form.date"));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
