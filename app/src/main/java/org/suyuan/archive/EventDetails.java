package org.suyuan.archive;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The typed fields of each kind of archive entry. What is stored and hashed is the JSON of these records, so
 * every amount is a string or an integer, never a float.
 *
 * <p>Every kind carries optional free-text {@code notes}; pages show them escaped.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface EventDetails {

    String notes();

    /**
     * The batch was opened: what the product, plot and organization were at that moment, and for goods received
     * from another organization, where they came from (来源).
     *
     * <p>A batch opened by a receipt keeps what its goods are: {@code product} and {@code plot} are those of the
     * batch they came from (the plot they were grown on, 产地), {@code producer} is the organization that grew them,
     * and {@code organization} is the one that now holds them. Only processing turns inputs into a new product.
     *
     * @param producer the producer of origin, for received goods; absent when the holder grew them
     */
    record Created(
            String batchNumber,
            String startedOn,
            ProductSnapshot product,
            PlotSnapshot plot,
            OrganizationSnapshot organization,
            OrganizationSnapshot producer,
            SourceSnapshot source,
            String notes)
            implements EventDetails {}

    /** The upstream batch a received batch came from, bound by the hash of the shipment that sent it. */
    record SourceSnapshot(
            Long batchId, String batchNumber, Long organizationId, String organizationName, String shipmentEventHash) {}

    record ProductSnapshot(Long id, String name, String category, String variety, String gtin) {}

    record PlotSnapshot(Long id, String name, String regionCode, String address, String latitude, String longitude) {}

    record OrganizationSnapshot(
            Long id, String name, String type, String identifier, String regionCode, String address) {}

    /** Sowing or planting (播种/定植). */
    record Planting(
            @NotBlank @Size(max = 40) String method,
            @Size(max = 100) String seedVariety,
            @Size(max = 200) String seedSource,
            @Valid Quantity quantity,
            @Size(max = 500) String notes)
            implements EventDetails {}

    /** Fertiliser application (施肥). */
    record Fertilising(
            @NotBlank @Size(max = 100) String fertiliserName,
            @Size(max = 40) String registrationNumber,
            @Size(max = 40) String fertiliserType,
            @NotNull @Valid Quantity amount,
            @Size(max = 40) String method,
            @Size(max = 500) String notes)
            implements EventDetails {}

    /**
     * Pesticide use (施药): the fields the 农产品质量安全法 production record asks for, and the safety interval
     * (安全间隔期) that decides when harvest may begin.
     */
    record PesticideUse(
            @NotBlank @Size(max = 100) String productName,

            @NotBlank
            @Pattern(regexp = "(PD|PDN|WP|WPN|LS|WL)[0-9]{6,10}", message = "农药登记证号格式应如 PD20080001 或 LS20200001")
            String registrationNumber,

            @NotBlank @Size(max = 100) String activeIngredient,
            @NotBlank @Size(max = 40) String dose,
            @NotBlank @Size(max = 20) String doseUnit,
            @NotBlank @Size(max = 40) String method,
            @NotNull @PositiveOrZero @Max(365) Integer safetyIntervalDays,
            @Size(max = 100) String target,
            @Size(max = 500) String notes)
            implements EventDetails {}

    /** Irrigation (灌溉). */
    record Irrigation(
            @NotBlank @Size(max = 40) String method,
            @Size(max = 100) String waterSource,
            @Size(max = 40) String amount,
            @Size(max = 500) String notes)
            implements EventDetails {}

    /** Harvest (采收); its date is the event's date. */
    record Harvest(
            @NotNull @Valid Quantity quantity,
            @Size(max = 500) String notes) implements EventDetails {}

    /** A test of the produce (检测): the producer's own rapid test or a laboratory's. */
    record Inspection(
            @NotBlank @Size(max = 100) String agency,
            @NotBlank @Size(max = 100) String method,
            @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 100) String> items,
            @NotNull InspectionResult result,
            Long reportAttachmentId,
            String reportSha256,
            @Size(max = 500) String notes)
            implements EventDetails {}

    /** Whether a test passed. */
    enum InspectionResult {
        PASS,
        FAIL
    }

    /** Packing (包装). */
    record Packing(
            @NotBlank @Size(max = 60) String packageType,
            @NotNull @Valid Quantity quantity,
            @Size(max = 500) String notes)
            implements EventDetails {}

    /** A sale or delivery to a buyer (销售/发货): the one-step-forward link. */
    record Shipment(
            @NotBlank @Size(max = 200) String buyerName,
            Long buyerOrganizationId,
            @Size(max = 60) String buyerContact,
            @NotNull @Valid Quantity quantity,
            @Size(max = 500) String notes)
            implements EventDetails {}

    /** Processing (加工): what was done, from which input batches, and how much came out. */
    record Processing(
            @NotBlank @Size(max = 100) String method,
            @Size(max = 20) List<@Valid ProcessingInput> inputs,
            @Valid Quantity output,
            @Size(max = 500) String notes)
            implements EventDetails {}

    record ProcessingInput(
            @NotBlank @Size(max = 40) String batchNumber,
            @Valid Quantity quantity) {}

    /**
     * Goods received from another organization on Suyuan (收货), recorded by the system when the buyer confirms a
     * shipment: the downstream batch's counterpart of a harvest.
     */
    record Receipt(SourceSnapshot source, Quantity quantity, String notes) implements EventDetails {}

    /**
     * A rapid test (快检) of the batch's goods by a township inspection station (快检室) of the bureau, against the
     * code it scanned or typed: what was tested for, how, the limit and the reading, the verdict, who took the sample,
     * and the photo of the test strip, bound by its hash like a test report.
     *
     * @param station the station's name, as its account names it
     * @param stationJurisdiction the region code of the bureau the station reports to (GB/T 2260)
     * @param limit the judging threshold as the method states it, e.g. {@code 50} (% inhibition)
     * @param value the reading, e.g. {@code 62.5}, or a qualitative reading such as 阴性
     * @param unit of limit and value, e.g. {@code %} or {@code mg/kg}; absent for a qualitative test
     */
    record RapidTest(
            String station,
            String stationJurisdiction,
            @NotBlank @Size(max = 100) String item,
            @NotBlank @Size(max = 100) String method,
            @NotBlank @Size(max = 40) String limit,
            @NotBlank @Size(max = 40) String value,
            @Size(max = 20) String unit,
            @NotNull InspectionResult result,
            @NotBlank @Size(max = 100) String sampler,
            @Size(max = 200) String samplePlace,
            Long photoAttachmentId,
            String photoSha256,
            @Size(max = 500) String notes)
            implements EventDetails {

        public boolean failed() {
            return result == InspectionResult.FAIL;
        }
    }

    /** A recall (召回): why, and what buyers and consumers should do. */
    record Recall(
            @NotBlank @Size(max = 500) String reason,
            @Size(max = 500) String instructions,
            @Size(max = 500) String notes)
            implements EventDetails {}
}
