package org.suyuan.rapidtest;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.suyuan.account.CurrentUser;
import org.suyuan.archive.Regions;
import org.suyuan.problem.ProblemException;
import org.suyuan.web.FormErrors;
import org.suyuan.web.PageController;

/**
 * The inspection station's phone page ({@code /station}): one form, the code typed or pasted from the phone's
 * scanner, the test, a photo of the strip taken with the camera. After saving it says what was recorded on which
 * batch and, for a failure, that the bureau sees it now.
 */
@PageController
class StationPageController {

    private static final List<String> ITEMS =
            List.of(RapidTestForm.DEFAULT_ITEM, "克百威", "毒死蜱", "甲胺磷", "氧乐果", "腐霉利", "二氧化硫", "亚硝酸盐");
    private static final List<String> METHODS =
            List.of(RapidTestForm.DEFAULT_METHOD, "胶体金免疫层析法", "酶联免疫法（ELISA）", "分光光度法");

    private final RapidTestService rapidTests;
    private final Regions regions;
    private final MessageSource messages;

    StationPageController(RapidTestService rapidTests, Regions regions, MessageSource messages) {
        this.rapidTests = rapidTests;
        this.regions = regions;
        this.messages = messages;
    }

    @GetMapping("/station")
    String form(CurrentUser station, @RequestParam(required = false) String code, Model model) {
        RapidTestForm form = new RapidTestForm();
        form.setCode(code);
        return page(station, model, form);
    }

    @PostMapping("/station/tests")
    String record(
            CurrentUser station,
            @Valid @ModelAttribute("rapidTestForm") RapidTestForm form,
            BindingResult errors,
            @RequestParam(name = "photo", required = false) MultipartFile photo,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                RapidTestService.RecordedRapidTest recorded =
                        rapidTests.record(station, form.toNew(), RapidTestController.photoOf(photo));
                redirect.addFlashAttribute("recorded", recorded);
                redirect.addFlashAttribute(
                        "saved",
                        message(
                                recorded.flagged() ? "station.saved.failed" : "station.saved.passed",
                                recorded.productName(),
                                recorded.batchNumber(),
                                recorded.organizationName(),
                                recorded.sequenceNumber()));
                return "redirect:/station";
            } catch (ProblemException problem) {
                FormErrors.reject(errors, problem, field -> field);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page(station, model, form);
    }

    private String page(CurrentUser station, Model model, RapidTestForm form) {
        model.addAttribute("rapidTestForm", form);
        model.addAttribute("stationName", station.displayName());
        model.addAttribute(
                "bureau", station.jurisdictionCode() == null ? "" : regions.fullName(station.jurisdictionCode()));
        model.addAttribute("items", ITEMS);
        model.addAttribute("methods", METHODS);
        return "station/rapid-test";
    }

    private String message(String key, Object... arguments) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, arguments, locale);
    }
}
