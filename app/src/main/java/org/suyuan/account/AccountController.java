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
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
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
    @Operation(
            summary = "Issue a bearer token for this user; the secret is shown only in this response",
            description = "Only with a password (HTTP Basic or a signed-in page), never with a bearer token: 403 "
                    + "/problems/password-required. validDays defaults to suyuan.security.tokens.default-lifetime "
                    + "(30 days) and may not exceed the maximum lifetime (90 days).")
    AccountService.IssuedToken issueToken(CurrentUser user, @Valid @RequestBody TokenRequest request) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof BearerTokenAuthentication) {
            throw PasswordRequiredException.toIssueTokens();
        }
        return accounts.issueToken(
                user, request.name(), request.validDays() == null ? null : Duration.ofDays(request.validDays()));
    }

    @GetMapping("/tokens")
    @Operation(summary = "My bearer tokens, newest first: name, expiry, whether revoked; never the secret")
    List<AccountService.TokenSummary> tokens(CurrentUser user) {
        return accounts.tokens(user);
    }

    @DeleteMapping("/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke one of my bearer tokens; it stops working at once")
    void revokeToken(CurrentUser user, @PathVariable long id) {
        accounts.revokeToken(user, id);
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
