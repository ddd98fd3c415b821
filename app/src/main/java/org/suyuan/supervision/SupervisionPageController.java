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
import org.springframework.format.annotation.DateTimeFormat;
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

    SupervisionPageController(
            SupervisionService supervision,
            SpotCheckService spotChecks,
            RecallService recalls,
            TraceService traces,
            EventExport export,
            Regions regions,
            AuditLog audit) {
        this.audit = audit;
        this.supervision = supervision;
        this.spotChecks = spotChecks;
        this.recalls = recalls;
        this.traces = traces;
        this.export = export;
        this.regions = regions;
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
        model.addAttribute("view", supervision.batch(user, id));
        model.addAttribute("trace", traces.trace(user, id));
        model.addAttribute("regions", regions);
        return "supervision/batch";
    }

    @PostMapping("/console/batches/{id}/recall")
    String recall(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam String reason,
            @RequestParam(required = false) String instructions,
            RedirectAttributes redirect) {
        if (reason == null || reason.isBlank()) {
            throw SupervisionException.recallReasonMissing();
        }
        RecallService.RecallReport report =
                recalls.recall(user, id, new EventDetails.Recall(reason.strip(), blankToNull(instructions), null));
        redirect.addFlashAttribute("recallReport", report);
        return "redirect:/console/batches/" + id;
    }

    @GetMapping("/console/spot-checks")
    String spotChecks(CurrentUser user, Model model) {
        List<SpotCheckService.Draw> candidates = new ArrayList<>(spotChecks.candidates(user));
        candidates.sort(Comparator.comparing(SpotCheckService.Draw::weight).reversed());
        model.addAttribute("candidates", candidates);
        model.addAttribute("rounds", spotChecks.rounds(user));
        model.addAttribute("suggestedSeed", "");
        return "supervision/spot-checks";
    }

    @PostMapping("/console/spot-checks")
    String plan(CurrentUser user, @RequestParam String title, @RequestParam int sampleSize, @RequestParam String seed) {
        if (title.isBlank() || seed.isBlank() || sampleSize < 1 || sampleSize > 500) {
            throw SupervisionException.roundIncomplete();
        }
        SpotCheckService.PlannedRound round = spotChecks.plan(user, title.strip(), sampleSize, seed.strip());
        return "redirect:/console/spot-checks/" + round.round().getId();
    }

    @GetMapping("/console/spot-checks/{id}")
    String round(CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("planned", spotChecks.round(user, id));
        model.addAttribute("reproduction", spotChecks.reproduce(user, id));
        return "supervision/round";
    }

    @PostMapping("/console/spot-check-tasks/{id}/sampling")
    String sampling(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam long round,
            @RequestParam String sampleNumber,
            @RequestParam String samplers,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate sampledOn,
            @RequestParam String place,
            @RequestParam String sealNumber) {
        List<String> names = Arrays.stream(samplers.split("[,，、;；\\s]+"))
                .filter(name -> !name.isBlank())
                .toList();
        spotChecks.recordSampling(
                user,
                id,
                new SpotCheckService.Sampling(
                        sampleNumber.strip(), names, sampledOn, place.strip(), sealNumber.strip()));
        return "redirect:/console/spot-checks/" + round + "#task-" + id;
    }

    @PostMapping("/console/spot-check-tasks/{id}/result")
    String result(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam long round,
            @RequestParam(name = "item") List<String> items,
            @RequestParam(name = "measured") List<String> measured,
            @RequestParam(name = "limit") List<String> limits,
            @RequestParam(name = "unit") List<String> units,
            @RequestParam(name = "verdict") List<String> verdicts,
            @RequestParam(required = false) String recallReason) {
        List<SpotCheckService.TestedItem> tested = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).isBlank()) {
                continue;
            }
            tested.add(new SpotCheckService.TestedItem(
                    items.get(i).strip(),
                    valueAt(measured, i),
                    valueAt(limits, i),
                    valueAt(units, i),
                    "PASS".equals(valueAt(verdicts, i))));
        }
        if (tested.isEmpty()) {
            throw SupervisionException.noTestedItems();
        }
        spotChecks.recordResult(user, id, tested, null, blankToNull(recallReason));
        return "redirect:/console/spot-checks/" + round + "#task-" + id;
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

    private static String valueAt(List<String> values, int index) {
        return index < values.size() ? values.get(index).strip() : "";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
