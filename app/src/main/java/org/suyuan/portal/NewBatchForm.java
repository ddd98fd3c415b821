package org.suyuan.portal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A batch to open, as typed. The batch number's format is the archive's to judge. */
public class NewBatchForm {

    @NotBlank(message = "{form.required}")
    @Size(max = 20, message = "{form.tooLong}")
    private String batchNumber;

    @NotNull(message = "{form.choose}")
    private Long productId;

    @NotNull(message = "{form.choose}")
    private Long plotId;

    @NotBlank(message = "{form.required}")
    private String startedOn;

    @Size(max = 500, message = "{form.tooLong}")
    private String notes;

    public String getBatchNumber() {
        return batchNumber;
    }

    public void setBatchNumber(String batchNumber) {
        this.batchNumber = batchNumber;
    }

    public Long getProductId() {
        return productId;
    }

    public void setProductId(Long productId) {
        this.productId = productId;
    }

    public Long getPlotId() {
        return plotId;
    }

    public void setPlotId(Long plotId) {
        this.plotId = plotId;
    }

    public String getStartedOn() {
        return startedOn;
    }

    public void setStartedOn(String startedOn) {
        this.startedOn = startedOn;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }
}
