package org.suyuan.portal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Confirming goods received: the number of the batch the buyer keeps them as. No product or plot: received goods
 * stay what the seller's batch says they are.
 */
public class ReceiptForm {

    @NotBlank(message = "{form.required}")
    @Size(max = 20, message = "{form.tooLong}")
    private String batchNumber;

    @Size(max = 500, message = "{form.tooLong}")
    private String notes;

    public String getBatchNumber() {
        return batchNumber;
    }

    public void setBatchNumber(String batchNumber) {
        this.batchNumber = batchNumber;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }
}
