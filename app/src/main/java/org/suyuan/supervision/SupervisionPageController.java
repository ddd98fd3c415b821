package org.suyuan.supervision;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.suyuan.account.CurrentUser;
import org.suyuan.archive.EventDetails;
import org.suyuan.archive.Regions;
import org.suyuan.audit.AuditAction;
import org.suyuan.audit.AuditLog;
import org.suyuan.problem.NotFoundException;
import org.suyuan.web.PageController;

/**
 * The regulator console (监管控制台): the same jurisdiction-scoped services as the supervision API, as pages for the
 * bureau's inspectors. Every page works without JavaScript.
 */
@PageController
class SupervisionPageController {

    private final SupervisionService supervision;
    private final SpotCheckService spotChecks;
    private final RecallService recalls;
    private final TraceService traces;
    private final EventExport export;
    private final Regions regions;
    private final AuditLog audit;
    private final ConsoleArchive archive;

    SupervisionPageController(
            SupervisionService supervision,
            SpotCheckService spotChecks,
            RecallService recalls,
            TraceService traces,
            EventExport export,
            Regions regions,
            AuditLog audit,
            ConsoleArchive archive) {
        this.audit = audit;
        this.supervision = supervision;
        this.spotChecks = spotChecks;
        this.recalls = recalls;
        this.traces = traces;
        this.export = export;
        this.regions = regions;
        this.archive = archive;
    }

    @GetMapping("/console")
    String dashboard(CurrentUser user, Model model) {
        SupervisionService.Dashboard dashboard = supervision.dashboard(user);
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("jurisdictionName", regions.fullName(dashboard.jurisdiction()));
        model.addAttribute("rounds", spotChecks.rounds(user).stream().limit(5).toList());
        return "supervision/dashboard";
    }

    @GetMapping("/console/producers")
    String producers(CurrentUser user, Model model) {
        model.addAttribute("producers", supervision.producers(user));
        model.addAttribute("regions", regions);
        return "supervision/producers";
    }

    @GetMapping("/console/producers/{id}")
    String producer(CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("view", supervision.producer(user, id));
        model.addAttribute("regions", regions);
        return "supervision/producer";
    }

    @GetMapping("/console/batches/{id}")
    String batch(CurrentUser user, @PathVariable long id, Model model) {
        SupervisionService.BatchView view = supervision.batch(user, id);
        model.addAttribute("view", view);
        model.addAttribute("entries", archive.entries(id, view.history()));
        model.addAttribute("refusals", supervision.refusals(user, id));
        model.addAttribute("trace", traces.trace(user, id));
        model.addAttribute("regions", regions);
        return "supervision/batch";
    }

    @PostMapping("/console/batches/{id}/recall")
    String recall(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String instructions,
            @RequestParam(defaultValue = "false") boolean confirmed,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            if (reason == null || reason.isBlank()) {
                throw SupervisionException.recallReasonMissing();
            }
            if (!confirmed) {
                throw SupervisionException.notConfirmed("召回会通知所有下游主体，消费者扫码会看到召回提示，");
            }
            RecallService.RecallReport report =
                    recalls.recall(user, id, new EventDetails.Recall(reason.strip(), blankToNull(instructions), null));
            redirect.addFlashAttribute("recallReport", report);
            return "redirect:/console/batches/" + id;
        } catch (SupervisionException refused) {
            // The form comes back with what was typed and why it was refused; nothing was recalled.
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("recallError", refused.detail());
            model.addAttribute("recallReason", reason);
            model.addAttribute("recallInstructions", instructions);
            return batch(user, id, model);
        }
    }

    @GetMapping("/console/spot-checks")
    String spotChecks(CurrentUser user, Model model) {
        List<SpotCheckService.Draw> candidates = new ArrayList<>(spotChecks.candidates(user));
        candidates.sort(Comparator.comparing(SpotCheckService.Draw::weight).reversed());
        model.addAttribute("candidates", candidates);
        model.addAttribute("rounds", spotChecks.rounds(user));
        return "supervision/spot-checks";
    }

    /**
     * Draws a round. The sample is final once drawn (a redraw with another seed would defeat the point of a
     * reproducible draw), so the form must be confirmed; an unconfirmed or incomplete one comes back as typed.
     */
    @PostMapping("/console/spot-checks")
    String plan(
            CurrentUser user,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String sampleSize,
            @RequestParam(defaultValue = "") String seed,
            @RequestParam(defaultValue = "false") boolean confirmed,
            Model model,
            HttpServletResponse response) {
        try {
            int size = parseSampleSize(sampleSize);
            if (title.isBlank() || seed.isBlank()) {
                throw SupervisionException.roundIncomplete();
            }
            if (!confirmed) {
                throw SupervisionException.notConfirmed("抽样结果会立即记录，");
            }
            SpotCheckService.PlannedRound round = spotChecks.plan(user, title.strip(), size, seed.strip());
            return "redirect:/console/spot-checks/" + round.round().getId();
        } catch (SupervisionException refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("planError", refused.detail());
            model.addAttribute("plan", Map.of("title", title, "sampleSize", sampleSize, "seed", seed));
            return spotChecks(user, model);
        }
    }

    @GetMapping("/console/spot-checks/{id}")
    String round(CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("view", spotChecks.roundView(user, id));
        model.addAttribute("reproduction", spotChecks.reproduce(user, id));
        model.addAttribute("regions", regions);
        model.addAttribute(
                "blankResultRows",
                java.util.Collections.nCopies(
                        RESULT_ROWS,
                        Map.of("item", "", "measured", "", "limit", "", "unit", DEFAULT_UNIT, "verdict", "")));
        return "supervision/round";
    }

    @PostMapping("/console/spot-check-tasks/{id}/sampling")
    String sampling(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam long round,
            @RequestParam(defaultValue = "") String sampleNumber,
            @RequestParam(defaultValue = "") String samplers,
            @RequestParam(defaultValue = "") String sampledOn,
            @RequestParam(defaultValue = "") String place,
            @RequestParam(defaultValue = "") String sealNumber,
            @RequestParam(defaultValue = "false") boolean confirmed,
            Model model,
            HttpServletResponse response) {
        try {
            List<String> names = Arrays.stream(samplers.split("[,，、;；\\s]+"))
                    .filter(name -> !name.isBlank())
                    .toList();
            if (sampleNumber.isBlank() || place.isBlank() || sealNumber.isBlank()) {
                throw SupervisionException.samplingIncomplete();
            }
            LocalDate day = parseDate(sampledOn);
            if (!confirmed) {
                throw SupervisionException.notConfirmed("抽样单");
            }
            spotChecks.recordSampling(
                    user,
                    id,
                    new SpotCheckService.Sampling(sampleNumber.strip(), names, day, place.strip(), sealNumber.strip()));
            return "redirect:/console/spot-checks/" + round + "#task-" + id;
        } catch (SupervisionException refused) {
            // What the form got wrong comes back on the form; a task outside the jurisdiction stays a 404 page.
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("formTask", id);
            model.addAttribute("formError", refused.detail());
            model.addAttribute(
                    "sampling",
                    Map.of(
                            "sampleNumber", sampleNumber,
                            "samplers", samplers,
                            "sampledOn", sampledOn,
                            "place", place,
                            "sealNumber", sealNumber));
            return round(user, round, model);
        }
    }

    @PostMapping("/console/spot-check-tasks/{id}/result")
    String result(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam long round,
            @RequestParam(name = "item", defaultValue = "") List<String> items,
            @RequestParam(name = "measured", defaultValue = "") List<String> measured,
            @RequestParam(name = "limit", defaultValue = "") List<String> limits,
            @RequestParam(name = "unit", defaultValue = "") List<String> units,
            @RequestParam(name = "verdict", defaultValue = "") List<String> verdicts,
            @RequestParam(required = false) String recallReason,
            @RequestParam(defaultValue = "false") boolean confirmed,
            Model model,
            HttpServletResponse response) {
        List<SpotCheckService.TestedItem> tested = new ArrayList<>();
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < Math.max(RESULT_ROWS, items.size()); i++) {
            rows.add(Map.of(
                    "item", valueAt(items, i),
                    "measured", valueAt(measured, i),
                    "limit", valueAt(limits, i),
                    "unit", i < units.size() ? valueAt(units, i) : DEFAULT_UNIT,
                    "verdict", valueAt(verdicts, i)));
            if (valueAt(items, i).isBlank()) {
                continue;
            }
            tested.add(new SpotCheckService.TestedItem(
                    valueAt(items, i),
                    valueAt(measured, i),
                    valueAt(limits, i),
                    valueAt(units, i),
                    "PASS".equals(valueAt(verdicts, i))));
        }
        try {
            if (tested.isEmpty()) {
                throw SupervisionException.noTestedItems();
            }
            if (!confirmed) {
                throw SupervisionException.notConfirmed("检测结果");
            }
            spotChecks.recordResult(user, id, tested, null, blankToNull(recallReason));
            return "redirect:/console/spot-checks/" + round + "#task-" + id;
        } catch (SupervisionException refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("formTask", id);
            model.addAttribute("formError", refused.detail());
            model.addAttribute("resultRows", rows);
            model.addAttribute("recallReason", recallReason);
            return round(user, round, model);
        }
    }

    @GetMapping("/console/exports")
    String exports(CurrentUser user, Model model) {
        Jurisdiction jurisdiction = Jurisdiction.of(user);
        model.addAttribute("producers", supervision.producers(user));
        model.addAttribute(
                "regionChoices",
                regions.all().stream()
                        .filter(r -> jurisdiction.contains(r.code()))
                        .toList());
        return "supervision/exports";
    }

    /** The export as a download for the signed-in inspector (the API's export takes tokens instead). */
    @GetMapping("/console/exports/events.{format}")
    void download(
            CurrentUser user,
            @PathVariable String format,
            @RequestParam(required = false) Long organizationId,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response)
            throws IOException {
        Jurisdiction jurisdiction = Jurisdiction.of(user);
        String prefix = jurisdiction.prefix();
        if (region != null && !region.isBlank()) {
            if (!jurisdiction.contains(region)) {
                throw NotFoundException.region(region);
            }
            prefix = Regions.prefixOf(region);
        }
        EventExport.Format chosen = switch (format) {
            case "csv" -> EventExport.Format.CSV;
            case "xlsx" -> EventExport.Format.XLSX;
            default -> throw NotFoundException.exportFormat(format);
        };
        audit.record(
                AuditAction.EXPORT,
                "辖区事件导出（" + format + "）",
                region != null && !region.isBlank() ? region : jurisdiction.code(),
                ExportAudit.filters(organizationId, null, from, to));
        response.setContentType(
                chosen == EventExport.Format.CSV
                        ? "text/csv;charset=UTF-8"
                        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename*=UTF-8''" + URLEncoder.encode("监管导出." + format, StandardCharsets.UTF_8));
        export.write(
                new EventExport.Selection(prefix, organizationId, null, from, to), chosen, response.getOutputStream());
    }

    /** How many rows the result form offers. */
    static final int RESULT_ROWS = 3;

    /** Residue limits (GB 2763) are stated in mg/kg. */
    static final String DEFAULT_UNIT = "mg/kg";

    private static int parseSampleSize(String value) {
        try {
            int size = Integer.parseInt(value.strip());
            if (size >= 1 && size <= 500) {
                return size;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw SupervisionException.roundIncomplete();
    }

    private static LocalDate parseDate(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException notADate) {
            throw SupervisionException.samplingIncomplete();
        }
    }

    private static String valueAt(List<String> values, int index) {
        return index < values.size() ? values.get(index).strip() : "";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
