package org.suyuan.portal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A password change: the current password, and the new one twice. */
public class PasswordForm {

    @NotBlank(message = "{form.required}")
    private String currentPassword;

    @NotBlank(message = "{form.required}")
    @Size(min = 10, max = 200, message = "{form.password.length}")
    private String newPassword;

    @NotBlank(message = "{form.required}")
    private String confirmPassword;

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getConfirmPassword() {
        return confirmPassword;
    }

    public void setConfirmPassword(String confirmPassword) {
        this.confirmPassword = confirmPassword;
    }
}
