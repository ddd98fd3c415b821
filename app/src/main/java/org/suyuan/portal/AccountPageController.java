package org.suyuan.portal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.suyuan.account.AccountService;
import org.suyuan.account.CurrentUser;
import org.suyuan.account.WeakPasswordException;
import org.suyuan.web.PageController;

/** Changing one's own password; any signed-in user may. */
@PageController
class AccountPageController {

    private final AccountService accounts;
    private final PortalMessages messages;

    AccountPageController(AccountService accounts, PortalMessages messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/portal/account/password")
    String form(CurrentUser user, Model model) {
        model.addAttribute("form", new PasswordForm());
        model.addAttribute("user", user);
        return "portal/password";
    }

    @PostMapping("/portal/account/password")
    String change(
            CurrentUser user,
            @Valid @ModelAttribute("form") PasswordForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!errors.hasFieldErrors("confirmPassword")
                && form.getNewPassword() != null
                && !form.getNewPassword().equals(form.getConfirmPassword())) {
            errors.rejectValue("confirmPassword", "mismatch", messages.get("account.password.mismatch"));
        }
        if (!errors.hasErrors()) {
            try {
                if (accounts.changePassword(user, form.getCurrentPassword(), form.getNewPassword())) {
                    redirect.addFlashAttribute("saved", messages.get("account.password.changed"));
                    return "redirect:/portal/account/password";
                }
                errors.rejectValue("currentPassword", "wrong", messages.get("account.password.wrong"));
            } catch (WeakPasswordException weak) {
                errors.rejectValue("newPassword", "weak", weak.detail());
            }
        }
        // Passwords are never sent back to the browser, not even the ones just typed.
        form.setCurrentPassword(null);
        form.setNewPassword(null);
        form.setConfirmPassword(null);
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("user", user);
        return "portal/password";
    }
}
