package org.suyuan.portal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.suyuan.account.CurrentUser;
import org.suyuan.archive.OrganizationService;
import org.suyuan.archive.Quantity;
import org.suyuan.archive.QuantityUnit;
import org.suyuan.archive.Regions;
import org.suyuan.db.archive.Organization;
import org.suyuan.db.archive.ProductCategory;
import org.suyuan.problem.ProblemException;
import org.suyuan.web.FormErrors;
import org.suyuan.web.PageController;

/** The organization's profile (personal data masked), its plots and its products: list and add. */
@PageController
class OrganizationPageController {

    private final OrganizationService registry;
    private final Regions regions;
    private final PortalMessages messages;

    OrganizationPageController(OrganizationService registry, Regions regions, PortalMessages messages) {
        this.registry = registry;
        this.regions = regions;
        this.messages = messages;
    }

    /** A region as a choice: its code and full name. */
    record RegionChoice(String code, String name) {}

    @GetMapping("/portal/organization")
    String organization(CurrentUser user, Model model) {
        Organization organization = registry.organization(user.requireOrganization());
        PlotForm plot = new PlotForm();
        plot.setRegionCode(organization.getRegionCode());
        return page(user, model, plot, new ProductForm());
    }

    @PostMapping("/portal/plots")
    String addPlot(
            CurrentUser user,
            @Valid @ModelAttribute("plotForm") PlotForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Long organizationId = user.requireOrganization();
        if (!errors.hasErrors()) {
            try {
                registry.addPlot(
                        organizationId,
                        new OrganizationService.NewPlot(
                                form.getName().strip(),
                                form.getRegionCode(),
                                blankToNull(form.getAddress()),
                                decimal(form.getLatitude()),
                                decimal(form.getLongitude()),
                                decimal(form.getAreaMu())));
                redirect.addFlashAttribute(
                        "saved",
                        messages.get("organization.plot.saved", form.getName().strip()));
                return "redirect:/portal/organization#plots";
            } catch (ProblemException problem) {
                FormErrors.reject(errors, problem, field -> field);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page(user, model, form, new ProductForm());
    }

    @PostMapping("/portal/products")
    String addProduct(
            CurrentUser user,
            @Valid @ModelAttribute("productForm") ProductForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Long organizationId = user.requireOrganization();
        boolean sized =
                form.getItemSizeAmount() != null && !form.getItemSizeAmount().isBlank();
        if (sized && form.getItemSizeUnit() == null) {
            errors.rejectValue("itemSizeUnit", "required", messages.get("form.itemSize.unit"));
        }
        if (!errors.hasErrors()) {
            try {
                registry.addProduct(
                        organizationId,
                        new OrganizationService.NewProduct(
                                form.getName().strip(),
                                form.getCategory(),
                                form.getVariety().strip(),
                                blankToNull(form.getGtin()),
                                sized
                                        ? new Quantity(decimal(form.getItemSizeAmount()), form.getItemSizeUnit())
                                        : null));
                redirect.addFlashAttribute(
                        "saved",
                        messages.get(
                                "organization.product.saved", form.getName().strip()));
                return "redirect:/portal/organization#products";
            } catch (ProblemException problem) {
                FormErrors.reject(errors, problem, field -> field);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        Organization organization = registry.organization(organizationId);
        PlotForm plot = new PlotForm();
        plot.setRegionCode(organization.getRegionCode());
        return page(user, model, plot, form);
    }

    private String page(CurrentUser user, Model model, PlotForm plotForm, ProductForm productForm) {
        Long organizationId = user.requireOrganization();
        Organization organization = registry.organization(organizationId);
        model.addAttribute("organization", organization);
        model.addAttribute("regionName", regions.fullName(organization.getRegionCode()));
        model.addAttribute(
                "plots",
                registry.plots(organizationId, PageRequest.of(0, BatchViews.MANY, Sort.by("name")))
                        .getContent());
        model.addAttribute(
                "products",
                registry.products(organizationId, PageRequest.of(0, BatchViews.MANY, Sort.by("name")))
                        .getContent());
        model.addAttribute("regions", regionChoices());
        model.addAttribute("regionNames", regions);
        model.addAttribute("categories", ProductCategory.values());
        model.addAttribute("units", QuantityUnit.values());
        if (!model.containsAttribute("plotForm")) {
            model.addAttribute("plotForm", plotForm);
        }
        if (!model.containsAttribute("productForm")) {
            model.addAttribute("productForm", productForm);
        }
        return "portal/organization";
    }

    private List<RegionChoice> regionChoices() {
        return regions.all().stream()
                .map(region -> new RegionChoice(region.code(), regions.fullName(region.code())))
                .sorted(Comparator.comparing(RegionChoice::code))
                .toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static BigDecimal decimal(String value) {
        return value == null || value.isBlank() ? null : new BigDecimal(value.strip());
    }
}
