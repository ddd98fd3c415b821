package org.suyuan.archive;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.suyuan.account.CurrentUser;
import org.suyuan.archive.ArchiveResponses.OrganizationResponse;
import org.suyuan.archive.ArchiveResponses.PlotResponse;
import org.suyuan.archive.ArchiveResponses.ProductResponse;
import org.suyuan.db.archive.OrganizationType;
import org.suyuan.db.archive.ProductCategory;
import org.suyuan.problem.NotFoundException;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Organizations, plots and products", description = "生产经营主体、基地/地块、产品")
class OrganizationController {

    private final OrganizationService registry;
    private final Regions regions;

    OrganizationController(OrganizationService registry, Regions regions) {
        this.registry = registry;
        this.regions = regions;
    }

    record OrganizationRequest(
            @NotBlank @Size(max = 200) String name,
            @NotNull OrganizationType type,
            @Size(max = 18) String creditCode,
            @Size(max = 18) String idCardNumber,
            @NotBlank @Pattern(regexp = "[0-9]{6}") String regionCode,
            @NotBlank @Size(max = 300) String address,
            @NotBlank @Size(max = 100) String contactName,
            @NotBlank @Pattern(regexp = "[0-9+\\- ]{5,30}") String contactPhone) {}

    record PlotRequest(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Pattern(regexp = "[0-9]{6}") String regionCode,
            @Size(max = 300) String address,
            @DecimalMin("-90") @DecimalMax("90") BigDecimal latitude,
            @DecimalMin("-180") @DecimalMax("180") BigDecimal longitude,
            @DecimalMin("0") BigDecimal areaMu) {}

    record ProductRequest(
            @NotBlank @Size(max = 100) String name,
            @NotNull ProductCategory category,
            @NotBlank @Size(max = 100) String variety,
            @Size(max = 14) String gtin,

            @Schema(
                    description =
                            "How much of the harvest one labelled item holds, e.g. {\"amount\": \"0.5\", \"unit\": \"KG\"};"
                                    + " caps the per-item serials of a batch. Omit for one item per harvested unit.")
            @Valid
            Quantity itemSize) {}

    @PostMapping("/organizations")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Register an organization (administrators)")
    ResponseEntity<OrganizationResponse> register(@Valid @RequestBody OrganizationRequest request) {
        var organization = registry.register(new OrganizationService.NewOrganization(
                request.name(),
                request.type(),
                request.creditCode(),
                request.idCardNumber(),
                request.regionCode(),
                request.address(),
                request.contactName(),
                request.contactPhone()));
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + organization.getId()))
                .body(OrganizationResponse.of(organization, regions));
    }

    @GetMapping("/organizations")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "All organizations (administrators)")
    PagedModel<OrganizationResponse> organizations(@PageableDefault(size = 20) Pageable pageable) {
        return new PagedModel<>(registry.organizations(pageable).map(o -> OrganizationResponse.of(o, regions)));
    }

    record GlnRequest(@Size(max = 20) String gln) {}

    @PutMapping("/organizations/{id}/gln")
    @Operation(
            summary = "Record the organization's GS1 GLN, or remove it with an empty value",
            description = "Administrators for any organization, producers for their own. EPCIS exports then name its"
                    + " location (SGLN) and party (PGLN) by the GLN.")
    OrganizationResponse gln(CurrentUser user, @PathVariable Long id, @Valid @RequestBody GlnRequest request) {
        return OrganizationResponse.of(registry.assignGln(user, id, request.gln()), regions);
    }

    @GetMapping("/organizations/{id}")
    @Operation(summary = "One organization: administrators see any, producers their own")
    OrganizationResponse organization(CurrentUser user, @PathVariable Long id) {
        if (!user.isAdministrator() && !id.equals(user.organizationId())) {
            throw NotFoundException.organization(id);
        }
        return OrganizationResponse.of(registry.organization(id), regions);
    }

    @PostMapping("/plots")
    @Operation(summary = "Add a plot or base (基地/地块) to my organization")
    ResponseEntity<PlotResponse> addPlot(CurrentUser user, @Valid @RequestBody PlotRequest request) {
        var plot = registry.addPlot(
                user.requireOrganization(),
                new OrganizationService.NewPlot(
                        request.name(),
                        request.regionCode(),
                        request.address(),
                        request.latitude(),
                        request.longitude(),
                        request.areaMu()));
        return ResponseEntity.created(URI.create("/api/v1/plots/" + plot.getId()))
                .body(PlotResponse.of(plot, regions));
    }

    @GetMapping("/plots")
    @Operation(summary = "My organization's plots")
    PagedModel<PlotResponse> plots(CurrentUser user, @PageableDefault(size = 20) Pageable pageable) {
        return new PagedModel<>(
                registry.plots(user.requireOrganization(), pageable).map(p -> PlotResponse.of(p, regions)));
    }

    @GetMapping("/plots/{id}")
    PlotResponse plot(CurrentUser user, @PathVariable Long id) {
        return PlotResponse.of(registry.plot(user.requireOrganization(), id), regions);
    }

    @PostMapping("/products")
    @Operation(summary = "Add a product to my organization")
    ResponseEntity<ProductResponse> addProduct(CurrentUser user, @Valid @RequestBody ProductRequest request) {
        var product = registry.addProduct(
                user.requireOrganization(),
                new OrganizationService.NewProduct(
                        request.name(), request.category(), request.variety(), request.gtin(), request.itemSize()));
        return ResponseEntity.created(URI.create("/api/v1/products/" + product.getId()))
                .body(ProductResponse.of(product));
    }

    @GetMapping("/products")
    @Operation(summary = "My organization's products")
    PagedModel<ProductResponse> products(CurrentUser user, @PageableDefault(size = 20) Pageable pageable) {
        return new PagedModel<>(
                registry.products(user.requireOrganization(), pageable).map(ProductResponse::of));
    }

    @GetMapping("/products/{id}")
    ProductResponse product(CurrentUser user, @PathVariable Long id) {
        return ProductResponse.of(registry.product(user.requireOrganization(), id));
    }
}
