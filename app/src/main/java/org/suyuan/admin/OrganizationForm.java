package org.suyuan.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.suyuan.db.archive.OrganizationType;

/**
 * An organization (生产经营主体) to register, and optionally its first user: a credit code for legal persons, an
 * ID-card number for an individual, checked by the archive as on the API.
 */
public class OrganizationForm {

    @NotBlank(message = "{form.required}")
    @Size(max = 200, message = "{form.tooLong}")
    private String name;

    @NotNull(message = "{form.required}")
    private OrganizationType type;

    @Size(max = 18, message = "{form.tooLong}")
    private String creditCode;

    @Size(max = 18, message = "{form.tooLong}")
    private String idCardNumber;

    @NotBlank(message = "{form.required}")
    private String regionCode;

    @NotBlank(message = "{form.required}")
    @Size(max = 300, message = "{form.tooLong}")
    private String address;

    @NotBlank(message = "{form.required}")
    @Size(max = 100, message = "{form.tooLong}")
    private String contactName;

    @NotBlank(message = "{form.required}")
    @Pattern(regexp = "[0-9+\\- ]{5,30}", message = "{admin.phone.pattern}")
    private String contactPhone;

    @Pattern(regexp = "|[a-zA-Z0-9._-]{3,50}", message = "{admin.username.pattern}")
    private String username;

    @Size(max = 100, message = "{form.tooLong}")
    private String userDisplayName;

    @Size(max = 200, message = "{form.tooLong}")
    private String password;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public OrganizationType getType() {
        return type;
    }

    public void setType(OrganizationType type) {
        this.type = type;
    }

    public String getCreditCode() {
        return creditCode;
    }

    public void setCreditCode(String creditCode) {
        this.creditCode = creditCode;
    }

    public String getIdCardNumber() {
        return idCardNumber;
    }

    public void setIdCardNumber(String idCardNumber) {
        this.idCardNumber = idCardNumber;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public void setRegionCode(String regionCode) {
        this.regionCode = regionCode;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getContactName() {
        return contactName;
    }

    public void setContactName(String contactName) {
        this.contactName = contactName;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public void setContactPhone(String contactPhone) {
        this.contactPhone = contactPhone;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getUserDisplayName() {
        return userDisplayName;
    }

    public void setUserDisplayName(String userDisplayName) {
        this.userDisplayName = userDisplayName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
