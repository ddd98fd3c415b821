package org.suyuan.account;

import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.suyuan.SuyuanProperties;
import org.suyuan.problem.ProblemException;
import org.suyuan.web.PageController;

/**
 * Bearer tokens on a page, for any signed-in user: issue one (its secret is shown once, on the page the form leads
 * to), see which are active, expired or revoked, and revoke any at once. A page session is a password sign-in, so it
 * may issue tokens; a token may not.
 */
@PageController
class TokenPageController {

    /** The lifetimes the form offers, in days; the API takes any up to the maximum. */
    private static final List<Integer> LIFETIMES = List.of(7, 30, 90);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final AccountService accounts;
    private final TokenProperties properties;
    private final SuyuanProperties suyuan;
    private final MessageSource messages;

    TokenPageController(
            AccountService accounts, TokenProperties properties, SuyuanProperties suyuan, MessageSource messages) {
        this.accounts = accounts;
        this.properties = properties;
        this.suyuan = suyuan;
        this.messages = messages;
    }

    /** A token with its expiry as a person in the service's zone reads it. */
    record Row(AccountService.TokenSummary token, String expires) {}

    @GetMapping("/account/tokens")
    String tokens(CurrentUser user, Model model) {
        model.addAttribute(
                "tokens",
                accounts.tokens(user).stream()
                        .map(token ->
                                new Row(token, DAY.format(token.expiresAt().atZone(suyuan.timeZone()))))
                        .toList());
        model.addAttribute(
                "lifetimes",
                LIFETIMES.stream()
                        .filter(days -> Duration.ofDays(days).compareTo(properties.maxLifetime()) <= 0)
                        .toList());
        model.addAttribute("maxDays", properties.maxLifetime().toDays());
        model.addAttribute("user", user);
        return "account/tokens";
    }

    @PostMapping("/account/tokens")
    String issue(
            CurrentUser user,
            @RequestParam @NotBlank String name,
            @RequestParam(defaultValue = "30") int days,
            RedirectAttributes redirect) {
        String clipped = name.strip().length() > 100 ? name.strip().substring(0, 100) : name.strip();
        try {
            AccountService.IssuedToken issued = accounts.issueToken(user, clipped, Duration.ofDays(Math.max(1, days)));
            // Shown once, on the page this redirect leads to; never stored but as its hash.
            redirect.addFlashAttribute("issued", issued);
        } catch (ProblemException problem) {
            redirect.addFlashAttribute("problem", problem.detail());
        }
        return "redirect:/account/tokens";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        accounts.revokeToken(user, id);
        redirect.addFlashAttribute("revoked", message("account.tokens.revoked", id));
        return "redirect:/account/tokens";
    }

    private String message(String key, Object... arguments) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, arguments, locale);
    }
}
