package org.suyuan.admin;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.suyuan.account.AccountService;
import org.suyuan.account.CurrentUser;
import org.suyuan.archive.OrganizationService;
import org.suyuan.archive.Regions;
import org.suyuan.db.archive.Organization;
import org.suyuan.db.archive.OrganizationType;
import org.suyuan.problem.ProblemException;
import org.suyuan.web.FormErrors;
import org.suyuan.web.PageController;

/**
 * The administrator's pages: users (and forms for a regulator account of a jurisdiction and for a township
 * inspection station reporting to one) and organizations (and a
 * form to register one with its first user). Only administrators reach them ({@code /admin/**}); each form posts,
 * redirects, and says what was created, or shows what to fix next to the field.
 */
@PageController
class AdministrationPageController {

    private final AccountService accounts;
    private final OrganizationService registry;
    private final AdministrationService administration;
    private final Regions regions;
    private final MessageSource messages;

    AdministrationPageController(
            AccountService accounts,
            OrganizationService registry,
            AdministrationService administration,
            Regions regions,
            MessageSource messages) {
        this.accounts = accounts;
        this.registry = registry;
        this.administration = administration;
        this.regions = regions;
        this.messages = messages;
    }

    @GetMapping({"/admin", "/admin/users"})
    String users(CurrentUser user, Model model) {
        return usersPage(model, new RegulatorForm(), new RegulatorForm());
    }

    @PostMapping("/admin/regulators")
    String createRegulator(
            CurrentUser user,
            @Valid @ModelAttribute("regulatorForm") RegulatorForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return createAccount(false, form, errors, model, response, redirect);
    }

    @PostMapping("/admin/stations")
    String createStation(
            CurrentUser user,
            @Valid @ModelAttribute("stationForm") RegulatorForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return createAccount(true, form, errors, model, response, redirect);
    }

    private String createAccount(
            boolean station,
            RegulatorForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!errors.hasFieldErrors("confirmPassword")
                && form.getPassword() != null
                && !form.getPassword().equals(form.getConfirmPassword())) {
            errors.rejectValue("confirmPassword", "mismatch", message("account.password.mismatch"));
        }
        if (form.getJurisdictionCode() != null
                && !form.getJurisdictionCode().isBlank()
                && regions.find(form.getJurisdictionCode()).isEmpty()) {
            errors.rejectValue("jurisdictionCode", "unknown", message("admin.jurisdiction.unknown"));
        }
        if (!errors.hasErrors()) {
            try {
                CurrentUser created = station
                        ? accounts.createStation(
                                form.getUsername().strip(),
                                form.getPassword(),
                                form.getDisplayName().strip(),
                                form.getJurisdictionCode())
                        : accounts.createRegulator(
                                form.getUsername().strip(),
                                form.getPassword(),
                                form.getDisplayName().strip(),
                                form.getJurisdictionCode());
                redirect.addFlashAttribute(
                        "saved",
                        message(
                                station ? "admin.station.created" : "admin.regulator.created",
                                created.username(),
                                regions.fullName(created.jurisdictionCode())));
                return "redirect:/admin/users";
            } catch (ProblemException problem) {
                FormErrors.reject(errors, problem, field -> field);
            }
        }
        forgetPasswords(form);
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return station ? usersPage(model, new RegulatorForm(), form) : usersPage(model, form, new RegulatorForm());
    }

    @GetMapping("/admin/organizations")
    String organizations(CurrentUser user, Model model) {
        return organizationsPage(model, new OrganizationForm());
    }

    @PostMapping("/admin/organizations")
    String register(
            CurrentUser user,
            @Valid @ModelAttribute("organizationForm") OrganizationForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        boolean withUser = form.getUsername() != null && !form.getUsername().isBlank();
        if (withUser && (form.getPassword() == null || form.getPassword().isBlank())) {
            errors.rejectValue("password", "required", message("form.required"));
        }
        if (!errors.hasErrors()) {
            try {
                Organization registered = administration.register(
                        new OrganizationService.NewOrganization(
                                form.getName().strip(),
                                form.getType(),
                                blankToNull(form.getCreditCode()),
                                blankToNull(form.getIdCardNumber()),
                                form.getRegionCode(),
                                form.getAddress().strip(),
                                form.getContactName().strip(),
                                form.getContactPhone().strip()),
                        withUser
                                ? new AdministrationService.FirstUser(
                                        form.getUsername().strip(),
                                        form.getUserDisplayName() == null
                                                        || form.getUserDisplayName()
                                                                .isBlank()
                                                ? form.getContactName().strip()
                                                : form.getUserDisplayName().strip(),
                                        form.getPassword())
                                : null);
                redirect.addFlashAttribute(
                        "saved",
                        withUser
                                ? message(
                                        "admin.organization.registeredWithUser",
                                        registered.getName(),
                                        form.getUsername().strip())
                                : message("admin.organization.registered", registered.getName()));
                return "redirect:/admin/organizations";
            } catch (ProblemException problem) {
                FormErrors.reject(errors, problem, field -> field);
            }
        }
        form.setPassword(null);
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return organizationsPage(model, form);
    }

    private String usersPage(Model model, RegulatorForm regulatorForm, RegulatorForm stationForm) {
        model.addAttribute("users", accounts.allUsers());
        model.addAttribute("regulatorForm", regulatorForm);
        model.addAttribute("stationForm", stationForm);
        model.addAttribute("regions", regions.all());
        model.addAttribute("regionNames", regions);
        return "admin/users";
    }

    private String organizationsPage(Model model, OrganizationForm form) {
        model.addAttribute(
                "organizations",
                registry.organizations(PageRequest.of(0, 500, Sort.by(Sort.Direction.DESC, "id")))
                        .getContent());
        model.addAttribute("organizationForm", form);
        model.addAttribute("types", OrganizationType.values());
        model.addAttribute("regions", regions.all());
        model.addAttribute("regionNames", regions);
        return "admin/organizations";
    }

    private static void forgetPasswords(RegulatorForm form) {
        // Passwords are never sent back to the browser, not even the ones just typed.
        form.setPassword(null);
        form.setConfirmPassword(null);
    }

    private String message(String key, Object... arguments) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, arguments, locale);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
