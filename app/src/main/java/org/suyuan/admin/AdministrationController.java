package org.suyuan.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.suyuan.account.AccountService;
import org.suyuan.account.CurrentUser;
import org.suyuan.archive.Regions;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Administration", description = "管理：监管账号、用户（仅管理员）")
class AdministrationController {

    private final AccountService accounts;
    private final Regions regions;

    AdministrationController(AccountService accounts, Regions regions) {
        this.accounts = accounts;
        this.regions = regions;
    }

    record NewRegulatorRequest(
            @NotBlank @Pattern(regexp = "[a-zA-Z0-9._-]{3,50}")
            String username,

            @NotBlank @Size(min = 10, max = 200) String password,
            @NotBlank @Size(max = 100) String displayName,
            @NotBlank @Pattern(regexp = "[0-9]{6}") String jurisdictionCode) {}

    @PostMapping("/regulators")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Create a regulator account for a jurisdiction, a GB/T 2260 region code (administrators)")
    CurrentUser createRegulator(@Valid @RequestBody NewRegulatorRequest request) {
        regions.require("jurisdictionCode", request.jurisdictionCode());
        return accounts.createRegulator(
                request.username(), request.password(), request.displayName(), request.jurisdictionCode());
    }

    @PostMapping("/stations")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(
            summary = "Create a township inspection station (快检室) account reporting to the bureau of a jurisdiction "
                    + "(administrators); displayName is the station's name")
    CurrentUser createStation(@Valid @RequestBody NewRegulatorRequest request) {
        regions.require("jurisdictionCode", request.jurisdictionCode());
        return accounts.createStation(
                request.username(), request.password(), request.displayName(), request.jurisdictionCode());
    }

    @GetMapping("/users")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Every user: role, organization or jurisdiction (administrators)")
    List<CurrentUser> users() {
        return accounts.allUsers();
    }
}
