package org.suyuan.rapidtest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.suyuan.archive.EventDetails;

/**
 * The station's phone form: the code it scanned or typed, and the test. It starts filled with what a township
 * 快检室 tests most (organophosphate and carbamate pesticides by enzyme inhibition, GB/T 5009.199, positive at
 * 50 % inhibition), so that a tester usually types only the code, the reading and the sampler.
 */
public class RapidTestForm {

    static final String DEFAULT_ITEM = "有机磷和氨基甲酸酯类农药";
    static final String DEFAULT_METHOD = "酶抑制率法（GB/T 5009.199）";

    @NotBlank(message = "{form.required}")
    @Size(max = 300, message = "{form.tooLong}")
    private String code;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate testedOn;

    @NotBlank(message = "{form.required}")
    @Size(max = 100, message = "{form.tooLong}")
    private String item = DEFAULT_ITEM;

    @NotBlank(message = "{form.required}")
    @Size(max = 100, message = "{form.tooLong}")
    private String method = DEFAULT_METHOD;

    @NotBlank(message = "{form.required}")
    @Size(max = 40, message = "{form.tooLong}")
    private String limit = "50";

    @NotBlank(message = "{form.required}")
    @Size(max = 40, message = "{form.tooLong}")
    private String value;

    @Size(max = 20, message = "{form.tooLong}")
    private String unit = "%";

    @NotNull(message = "{form.required}")
    private EventDetails.InspectionResult result;

    @NotBlank(message = "{form.required}")
    @Size(max = 100, message = "{form.tooLong}")
    private String sampler;

    @Size(max = 200, message = "{form.tooLong}")
    private String samplePlace;

    @Size(max = 500, message = "{form.tooLong}")
    private String notes;

    RapidTestService.NewRapidTest toNew() {
        return new RapidTestService.NewRapidTest(
                code, testedOn, item, method, limit, value, unit, result, sampler, samplePlace, notes);
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public LocalDate getTestedOn() {
        return testedOn;
    }

    public void setTestedOn(LocalDate testedOn) {
        this.testedOn = testedOn;
    }

    public String getItem() {
        return item;
    }

    public void setItem(String item) {
        this.item = item;
    }

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public String getLimit() {
        return limit;
    }

    public void setLimit(String limit) {
        this.limit = limit;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    public EventDetails.InspectionResult getResult() {
        return result;
    }

    public void setResult(EventDetails.InspectionResult result) {
        this.result = result;
    }

    public String getSampler() {
        return sampler;
    }

    public void setSampler(String sampler) {
        this.sampler = sampler;
    }

    public String getSamplePlace() {
        return samplePlace;
    }

    public void setSamplePlace(String samplePlace) {
        this.samplePlace = samplePlace;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }
}
