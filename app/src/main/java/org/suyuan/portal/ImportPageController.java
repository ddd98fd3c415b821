package org.suyuan.portal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.suyuan.account.CurrentUser;
import org.suyuan.db.portal.ImportJob;
import org.suyuan.web.PageController;

/** Importing production records from a CSV or XLSX file: templates, upload, progress and the report. */
@PageController
class ImportPageController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ImportService imports;
    private final PortalMessages messages;
    private final Today today;

    ImportPageController(ImportService imports, PortalMessages messages, Today today) {
        this.imports = imports;
        this.messages = messages;
        this.today = today;
    }

    /** A column of the file, explained. */
    record ColumnHelp(String header, String usage) {}

    /** A job as the list and the progress page show it. */
    record JobView(
            Long id,
            String filename,
            String state,
            int totalRows,
            int processedRows,
            int recordedRows,
            int problemCount,
            int percent,
            String createdAt,
            boolean finished) {}

    @GetMapping("/portal/imports")
    String imports(CurrentUser user, Model model) {
        return page(user.requireOrganization(), model);
    }

    @GetMapping("/portal/imports/template.csv")
    ResponseEntity<byte[]> csvTemplate(CurrentUser user) {
        user.requireOrganization();
        return download(
                ImportFile.csvTemplate(ImportColumns.headers()),
                new MediaType("text", "csv", StandardCharsets.UTF_8),
                "生产记录导入模板.csv");
    }

    @GetMapping("/portal/imports/template.xlsx")
    ResponseEntity<byte[]> xlsxTemplate(CurrentUser user) {
        user.requireOrganization();
        List<String> columns = ImportFile.columns();
        List<Boolean> required = columns.stream()
                .map(column -> column.equals(ImportFile.BATCH_NUMBER)
                        || column.equals(ImportFile.TYPE)
                        || column.equals(ImportFile.DATE))
                .toList();
        List<List<String>> explanation = new ArrayList<>();
        explanation.add(List.of("溯源 · 生产记录导入", "在“记录”工作表填写，每行一条记录，第 1 行的列名不要改动。标 * 的列必填；其余按记录类型填写，用不到的留空。"));
        explanation.add(List.of("", "整个文件一起导入：只要有一行有错，整个文件都不会导入，并会列出每一行的问题；改好后重新上传整个文件即可。"));
        explanation.add(List.of("", "每行都按与手机录入相同的规则检查（例如安全间隔期内不能采收、禁用农药不能使用）。"));
        explanation.add(List.of());
        explanation.add(List.of("列名", "说明"));
        for (String column : columns) {
            explanation.add(List.of(ImportColumns.header(column), ImportColumns.usage(column)));
        }
        explanation.add(List.of());
        explanation.add(List.of("示例", "下面每种记录类型各一行示例（不会被导入）："));
        return download(
                ImportFile.xlsxTemplate(ImportColumns.headers(), required, explanation, ImportColumns.examples()),
                XLSX,
                "生产记录导入模板.xlsx");
    }

    @PostMapping("/portal/imports")
    String upload(
            CurrentUser user,
            @RequestParam(name = "file", required = false) MultipartFile file,
            Model model,
            HttpServletResponse response)
            throws IOException {
        Long organizationId = user.requireOrganization();
        if (file == null || file.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("uploadError", messages.get("import.noFile"));
            return page(organizationId, model);
        }
        try {
            ImportJob job = imports.submit(user, file.getOriginalFilename(), file.getBytes());
            return "redirect:/portal/imports/" + job.getId();
        } catch (ImportService.ImportRefusedException refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("uploadError", refused.detail());
            return page(organizationId, model);
        }
    }

    @GetMapping("/portal/imports/{id}")
    String job(CurrentUser user, @PathVariable Long id, Model model) {
        ImportJob job = imports.job(user.requireOrganization(), id);
        JobView view = view(job);
        model.addAttribute("job", view);
        model.addAttribute("problems", job.getState() == ImportJob.State.IMPORTED ? List.of() : imports.problems(job));
        model.addAttribute("refresh", !view.finished());
        return "portal/import-job";
    }

    private String page(Long organizationId, Model model) {
        List<ColumnHelp> columns = ImportFile.columns().stream()
                .map(column -> new ColumnHelp(ImportColumns.header(column), ImportColumns.usage(column)))
                .toList();
        model.addAttribute("columns", columns);
        model.addAttribute("headers", ImportColumns.headers());
        model.addAttribute("examples", ImportColumns.examples());
        model.addAttribute(
                "jobs", imports.recent(organizationId).stream().map(this::view).toList());
        model.addAttribute("maxRows", ImportFile.MAX_ROWS);
        return "portal/imports";
    }

    private JobView view(ImportJob job) {
        String state = imports.isStale(job) ? "INTERRUPTED" : job.getState().name();
        boolean finished = job.getState().isFinished() || imports.isStale(job);
        int percent = job.getTotalRows() == 0 ? 100 : (int) (100L * job.getProcessedRows() / job.getTotalRows());
        return new JobView(
                job.getId(),
                job.getFilename(),
                state,
                job.getTotalRows(),
                job.getProcessedRows(),
                job.getRecordedRows(),
                job.getProblemCount(),
                percent,
                today.local(job.getCreatedAt()),
                finished);
    }

    private static ResponseEntity<byte[]> download(byte[] content, MediaType type, String filename) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(content);
    }
}
