package org.suyuan.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.suyuan.problem.InvalidInputException;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Accounts", description = "Who is signed in, passwords, bearer tokens, users of an organization")
class AccountController {

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    record TokenRequest(
            @NotBlank @Size(max = 100) String name,
            @Min(1) @Max(365) Integer validDays) {}

    record PasswordChangeRequest(
            @NotBlank String currentPassword,
            @NotBlank @Size(min = 10, max = 200) String newPassword) {}

    record NewUserRequest(
            @NotBlank @Pattern(regexp = "[a-zA-Z0-9._-]{3,50}")
            String username,

            @NotBlank @Size(min = 10, max = 200) String password,
            @NotBlank @Size(max = 100) String displayName) {}

    @GetMapping("/me")
    @Operation(summary = "The signed-in user")
    CurrentUser me(CurrentUser user) {
        return user;
    }

    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a bearer token for this user; the secret is shown only in this response")
    AccountService.IssuedToken issueToken(CurrentUser user, @Valid @RequestBody TokenRequest request) {
        int days = request.validDays() == null ? 90 : request.validDays();
        return accounts.issueToken(user, request.name(), Duration.ofDays(days));
    }

    @PostMapping("/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change the password")
    void changePassword(CurrentUser user, @Valid @RequestBody PasswordChangeRequest request) {
        if (!accounts.changePassword(user, request.currentPassword(), request.newPassword())) {
            throw InvalidInputException.password();
        }
    }

    @PostMapping("/organizations/{organizationId}/users")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Create a producer user for an organization (administrators)")
    CurrentUser createProducer(@PathVariable Long organizationId, @Valid @RequestBody NewUserRequest request) {
        return accounts.createProducer(request.username(), request.password(), request.displayName(), organizationId);
    }
}
