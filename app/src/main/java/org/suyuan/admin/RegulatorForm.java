package org.suyuan.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new regulator account, or a township inspection station's (快检室): who (for a station, its name), for which
 * jurisdiction, and a first password typed twice.
 */
public class RegulatorForm {

    @NotBlank(message = "{form.required}")
    @Pattern(regexp = "[a-zA-Z0-9._-]{3,50}", message = "{admin.username.pattern}")
    private String username;

    @NotBlank(message = "{form.required}")
    @Size(max = 100, message = "{form.tooLong}")
    private String displayName;

    @NotBlank(message = "{form.required}")
    private String jurisdictionCode;

    @NotBlank(message = "{form.required}")
    @Size(min = 10, max = 200, message = "{form.password.length}")
    private String password;

    @NotBlank(message = "{form.required}")
    private String confirmPassword;

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getJurisdictionCode() {
        return jurisdictionCode;
    }

    public void setJurisdictionCode(String jurisdictionCode) {
        this.jurisdictionCode = jurisdictionCode;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getConfirmPassword() {
        return confirmPassword;
    }

    public void setConfirmPassword(String confirmPassword) {
        this.confirmPassword = confirmPassword;
    }
}
