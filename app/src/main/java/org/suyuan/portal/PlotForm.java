package org.suyuan.portal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new plot or base (基地/地块), as typed. */
public class PlotForm {

    @NotBlank(message = "{form.required}")
    @Size(max = 100, message = "{form.tooLong}")
    private String name;

    @NotBlank(message = "{form.choose}")
    private String regionCode;

    @Size(max = 300, message = "{form.tooLong}")
    private String address;

    @Pattern(regexp = "|-?[0-9]{1,2}(\\.[0-9]{1,6})?", message = "{form.latitude}")
    private String latitude;

    @Pattern(regexp = "|-?[0-9]{1,3}(\\.[0-9]{1,6})?", message = "{form.longitude}")
    private String longitude;

    @Pattern(regexp = "|[0-9]{1,10}(\\.[0-9]{1,2})?", message = "{form.area}")
    private String areaMu;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
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

    public String getLatitude() {
        return latitude;
    }

    public void setLatitude(String latitude) {
        this.latitude = latitude;
    }

    public String getLongitude() {
        return longitude;
    }

    public void setLongitude(String longitude) {
        this.longitude = longitude;
    }

    public String getAreaMu() {
        return areaMu;
    }

    public void setAreaMu(String areaMu) {
        this.areaMu = areaMu;
    }
}
