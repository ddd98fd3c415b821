package org.suyuan.portal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.suyuan.account.CurrentUser;
import org.suyuan.archive.ArchiveEntry;
import org.suyuan.archive.AttachmentService;
import org.suyuan.archive.BatchService;
import org.suyuan.archive.OrganizationService;
import org.suyuan.archive.QuantityUnit;
import org.suyuan.db.archive.BatchStatus;
import org.suyuan.db.archive.EventType;
import org.suyuan.problem.InvalidInputException;
import org.suyuan.problem.NotFoundException;
import org.suyuan.problem.ProblemException;
import org.suyuan.web.FormErrors;
import org.suyuan.web.PageController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The form for each kind of event, and recording it through the archive with the same rules as the API. A rule's
 * refusal comes back on the form, with everything the farmer typed.
 */
@PageController
class EventPageController {

    private final BatchService batches;
    private final AttachmentService attachments;
    private final OrganizationService registry;
    private final BatchViews views;
    private final PesticideAdvisor pesticides;
    private final PortalMessages messages;
    private final Today today;
    private final JsonMapper json;

    EventPageController(
            BatchService batches,
            AttachmentService attachments,
            OrganizationService registry,
            BatchViews views,
            PesticideAdvisor pesticides,
            PortalMessages messages,
            Today today,
            JsonMapper json) {
        this.batches = batches;
        this.attachments = attachments;
        this.registry = registry;
        this.views = views;
        this.pesticides = pesticides;
        this.messages = messages;
        this.today = today;
        this.json = json;
    }

    /** A choice in a select. */
    record Option(String value, String label) {}

    /**
     * One field of the form as the template draws it.
     *
     * @param chosen for a choice, the option to select: the value when it is among the options, "其他" when it is a
     *     word of its own (an earlier record's, or typed under "其他"), else empty
     * @param other for a choice, the word to show in the "其他" box
     */
    record FieldView(
            String name,
            String path,
            String label,
            String kind,
            boolean required,
            int maxLength,
            String help,
            List<Option> options,
            String chosen,
            String other) {

        /** The form parameter of the "其他" box. */
        public String otherPath() {
            return "details[" + name + "Other]";
        }
    }

    @GetMapping("/portal/batches/{id}/events/new")
    String form(
            CurrentUser user,
            @PathVariable Long id,
            @RequestParam String type,
            @RequestParam(required = false) Long from,
            @RequestParam(required = false) Long corrects,
            @RequestParam(required = false) String pick,
            @RequestParam(defaultValue = "false") boolean backfill,
            Model model) {
        Long organizationId = user.requireOrganization();
        EventType eventType = recordable(type);
        BatchViews.Overview overview = views.overview(organizationId, id);
        EventForm form = new EventForm();
        form.setType(eventType.name());
        form.setOccurredOn(today.date().toString());
        if (from != null) {
            form.getDetails().putAll(valuesOf(overview, from, eventType, false));
            model.addAttribute("repeated", true);
        }
        if (corrects != null) {
            ArchiveEntry corrected = entry(overview, corrects, eventType);
            form.getDetails().putAll(valuesOf(overview, corrects, eventType, true));
            form.setOccurredOn(corrected.occurredOn().toString());
            form.setSupersedes(corrects);
        }
        boolean picked = false;
        if (eventType == EventType.PESTICIDE_USE) {
            Optional<Map<String, String>> values = pesticides.pick(organizationId, pick, today.date());
            values.ifPresent(form.getDetails()::putAll);
            picked = values.isPresent();
        }
        return page(organizationId, overview, eventType, form, model, picked, backfill);
    }

    @PostMapping("/portal/batches/{id}/events")
    String record(
            CurrentUser user,
            @PathVariable Long id,
            @ModelAttribute("form") EventForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Long organizationId = user.requireOrganization();
        EventType eventType = recordable(form.getType());
        BatchViews.Overview overview = views.overview(organizationId, id);
        LocalDate day = date(form.getOccurredOn(), errors);
        EventFields.Conversion conversion =
                EventFields.toDetails(eventType, form.getDetails(), json, field -> messages.label(eventType, field));
        conversion
                .problems()
                .forEach(problem ->
                        FormErrors.rejectField(errors, "details[" + problem.field() + "]", problem.message()));
        if (eventType == EventType.RECALL && !form.isConfirmed()) {
            // Checked here too: the box's "required" is the browser's, and not every phone's browser enforces it.
            FormErrors.rejectField(errors, "confirmed", messages.get("recall.form.unconfirmed"));
        }
        if (!errors.hasErrors()) {
            try {
                ArchiveEntry recorded = batches.record(
                        user,
                        id,
                        new BatchService.NewEvent(eventType, day, form.getSupersedes(), conversion.details()));
                redirect.addFlashAttribute(
                        "saved", messages.get("event.saved", messages.eventType(eventType), day.toString()));
                return "redirect:/portal/batches/" + id + "#event-" + recorded.id();
            } catch (ProblemException problem) {
                FormErrors.reject(errors, problem, field -> formPath(eventType, field));
                model.addAttribute("refusal", problem);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page(organizationId, overview, eventType, form, model, true, true);
    }

    /**
     * The pesticide form's "check" step: the same advice the page's script shows as one types, for phones
     * without it. Shows the form again; records nothing.
     */
    @PostMapping("/portal/batches/{id}/events/check")
    String check(
            CurrentUser user,
            @PathVariable Long id,
            @ModelAttribute("form") EventForm form,
            BindingResult errors,
            Model model) {
        Long organizationId = user.requireOrganization();
        EventType eventType = recordable(form.getType());
        BatchViews.Overview overview = views.overview(organizationId, id);
        return page(organizationId, overview, eventType, form, model, true, true);
    }

    /** The pesticide advice as JSON, for the form's small script. */
    @GetMapping(path = "/portal/batches/{id}/pesticide-check", produces = "application/json")
    @ResponseBody
    Map<String, Object> pesticideCheck(
            CurrentUser user,
            @PathVariable Long id,
            @RequestParam(required = false) String activeIngredient,
            @RequestParam(required = false) String productName,
            @RequestParam(required = false) String occurredOn,
            @RequestParam(required = false) String safetyIntervalDays) {
        BatchViews.Overview overview = views.overview(user.requireOrganization(), id);
        PesticideAdvisor.Advice advice =
                advise(overview, activeIngredient, productName, occurredOn, safetyIntervalDays);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("level", advice.level());
        answer.put("warning", advice.warning());
        answer.put(
                "harvestAllowedFrom",
                advice.harvestAllowedFrom() == null
                        ? null
                        : advice.harvestAllowedFrom().toString());
        answer.put("harvestText", advice.harvestText());
        return answer;
    }

    private PesticideAdvisor.Advice advise(
            BatchViews.Overview overview,
            String activeIngredient,
            String productName,
            String occurredOn,
            String safetyIntervalDays) {
        LocalDate day = null;
        try {
            day = occurredOn == null || occurredOn.isBlank() ? null : LocalDate.parse(occurredOn.strip());
        } catch (DateTimeParseException ignored) {
            // no date yet: no safety-interval end to show
        }
        Integer days = null;
        try {
            days = safetyIntervalDays == null || safetyIntervalDays.isBlank()
                    ? null
                    : EventFields.integer(safetyIntervalDays);
        } catch (IllegalArgumentException ignored) {
            // not a number yet
        }
        return pesticides.advise(
                overview.product(), overview.history(), activeIngredient, productName, day, days, today.date());
    }

    private String page(
            Long organizationId,
            BatchViews.Overview overview,
            EventType type,
            EventForm form,
            Model model,
            boolean showAdvice,
            boolean backfill) {
        LocalDate day = today.date();
        model.addAttribute("overview", overview);
        model.addAttribute("batch", overview.batch());
        model.addAttribute("type", type);
        model.addAttribute("typeName", messages.eventType(type));
        model.addAttribute("form", form);
        model.addAttribute("fields", fields(organizationId, overview, type, form));
        model.addAttribute("today", day);
        model.addAttribute("recalled", overview.batch().getStatus() == BatchStatus.RECALLED);
        model.addAttribute(
                "lastOfType",
                ArchiveEntry.effective(overview.history()).stream()
                        .filter(entry -> entry.type() == type)
                        .reduce((first, second) -> second)
                        .map(ArchiveEntry::id)
                        .orElse(null));
        if (form.getSupersedes() != null) {
            model.addAttribute("corrected", entry(overview, form.getSupersedes(), type));
        }
        if (type == EventType.PESTICIDE_USE) {
            List<PesticideAdvisor.Choice> usedBefore = pesticides.usedBefore(organizationId);
            List<PesticideAdvisor.Choice> listed = pesticides.listed(day);
            Map<String, String> choiceValues = new LinkedHashMap<>();
            usedBefore.forEach(choice -> choiceValues.put(choice.key(), json.writeValueAsString(choice.values())));
            listed.forEach(choice -> choiceValues.put(choice.key(), json.writeValueAsString(choice.values())));
            model.addAttribute("usedBefore", usedBefore);
            model.addAttribute("listed", listed);
            model.addAttribute("choiceValues", choiceValues);
            if (showAdvice) {
                Map<String, String> values = form.getDetails();
                PesticideAdvisor.Advice advice = advise(
                        overview,
                        values.get("activeIngredient"),
                        values.get("productName"),
                        form.getOccurredOn(),
                        values.get("safetyIntervalDays"));
                model.addAttribute("advice", advice.isEmpty() ? null : advice);
            }
        }
        if (type == EventType.HARVEST) {
            boolean blocked = overview.harvestBlocked(day);
            model.addAttribute("harvestBlocked", blocked && !backfill);
            model.addAttribute("safetyInterval", overview.safetyInterval());
        }
        return "portal/event-form";
    }

    private List<FieldView> fields(Long organizationId, BatchViews.Overview overview, EventType type, EventForm form) {
        List<FieldView> views = new ArrayList<>();
        for (EventField field : EventFields.of(type)) {
            String help = messages.orNull("help." + type.name() + "." + field.name());
            if (help == null) {
                help = messages.orNull("help." + field.name());
            }
            String value = form.getDetails().getOrDefault(field.name(), "").strip();
            String chosen = "";
            String other = "";
            if (field.kind() == EventField.Kind.CHOICE) {
                if (field.choices().contains(value)) {
                    chosen = value;
                } else if (value.equals(EventField.OTHER)) {
                    chosen = EventField.OTHER;
                    other = form.getDetails().getOrDefault(field.otherName(), "");
                } else if (!value.isEmpty()) {
                    chosen = EventField.OTHER;
                    other = value;
                }
            }
            views.add(new FieldView(
                    field.name(),
                    "details[" + field.name() + "]",
                    messages.label(type, field),
                    field.kind().name(),
                    field.required(),
                    field.maxLength(),
                    help,
                    options(organizationId, overview, field),
                    chosen,
                    other));
        }
        return views;
    }

    private List<Option> options(Long organizationId, BatchViews.Overview overview, EventField field) {
        return switch (field.kind()) {
            case UNIT ->
                Arrays.stream(QuantityUnit.values())
                        .map(unit -> new Option(unit.name(), messages.unit(unit)))
                        .toList();
            case RESULT ->
                List.of(
                        new Option("PASS", messages.get("inspection.result.PASS")),
                        new Option("FAIL", messages.get("inspection.result.FAIL")));
            case ORGANIZATION ->
                registry.organizations(PageRequest.of(0, BatchViews.MANY, Sort.by("name"))).stream()
                        .filter(organization -> !organization.getId().equals(organizationId))
                        .map(organization -> new Option(String.valueOf(organization.getId()), organization.getName()))
                        .toList();
            case ATTACHMENT ->
                attachments.attachments(organizationId, overview.batch().getId()).stream()
                        .map(attachment -> new Option(String.valueOf(attachment.getId()), attachment.getFilename()))
                        .toList();
            case CHOICE ->
                field.choices().stream()
                        .map(choice -> new Option(choice, choice))
                        .toList();
            default -> List.of();
        };
    }

    private Map<String, String> valuesOf(
            BatchViews.Overview overview, Long eventId, EventType type, boolean withNotes) {
        ArchiveEntry entry = entry(overview, eventId, type);
        Map<String, String> values = EventFields.toValues(type, json.valueToTree(entry.details()));
        if (!withNotes) {
            values.remove("notes");
            values.remove("reportAttachmentId");
        }
        return values;
    }

    private static ArchiveEntry entry(BatchViews.Overview overview, Long eventId, EventType type) {
        return overview.history().stream()
                .filter(entry -> entry.id().equals(eventId) && entry.type() == type)
                .findFirst()
                .orElseThrow(() -> NotFoundException.event(eventId));
    }

    private static EventType recordable(String type) {
        try {
            EventType eventType = EventType.valueOf(type);
            if (EventFields.isRecordable(eventType)) {
                return eventType;
            }
        } catch (IllegalArgumentException | NullPointerException unknown) {
            // answered below
        }
        throw InvalidInputException.eventDetails("type", "“" + type + "”不是可以手工记录的类型，请从批次页面选择要记录的农事。");
    }

    private static String formPath(EventType type, String serviceField) {
        String name = EventFields.formField(type, serviceField);
        if (name == null) {
            return null;
        }
        return name.equals("occurredOn") ? name : "details[" + name + "]";
    }

    private LocalDate date(String value, BindingResult errors) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException | NullPointerException e) {
            errors.rejectValue("occurredOn", "date", messages.get("form.date"));
            return null;
        }
    }
}
