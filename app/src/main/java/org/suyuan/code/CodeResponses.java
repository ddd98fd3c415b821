package org.suyuan.code;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.suyuan.archive.Regions;
import org.suyuan.db.archive.Organization;
import org.suyuan.db.code.IssuedCode;
import org.suyuan.qr.TraceCode;

/** What the code API returns. The public view names the producer and origin as labels do; no personal data. */
final class CodeResponses {

    private CodeResponses() {}

    /**
     * A code as anyone sees it, scanning or typing it.
     *
     * @param grouped the code as printed under the QR symbol, for people to read
     * @param disabledAt when the producer disabled it (lost or stolen labels); null while active
     * @param producer who grew the goods; for goods received from another organization, the producer of origin
     * @param seller the organization that issued the code when it did not grow the goods (a trader, market or
     *     supermarket that received them); absent otherwise
     * @param url the trace URL the QR symbol carries
     * @param digitalLink the GS1 Digital Link of the code, when the product has a GTIN
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CodeResponse(
            String code,
            String grouped,
            String kind,
            String kindName,
            String status,
            String statusName,
            Instant disabledAt,
            String batchNumber,
            String batchStatus,
            String batchStatusName,
            ProductSummary product,
            ProducerSummary producer,
            ProducerSummary seller,
            String origin,
            String url,
            String digitalLink) {

        static CodeResponse of(CodeView view, TraceLinks links, Regions regions) {
            IssuedCode code = view.code();
            return new CodeResponse(
                    code.getCode(),
                    TraceCode.parse(code.getCode()).grouped(),
                    code.getKind().name(),
                    code.getKind().chineseName(),
                    code.getStatus().name(),
                    code.getStatus().chineseName(),
                    code.getDisabledAt(),
                    view.batch().getBatchNumber(),
                    view.batch().getStatus().name(),
                    view.batch().getStatus().chineseName(),
                    new ProductSummary(
                            view.product().getName(),
                            view.product().getVariety(),
                            view.product().getCategory().name(),
                            view.product().getCategory().chineseName(),
                            view.product().getGtin()),
                    ProducerSummary.of(view.producer(), regions),
                    view.isReceived() ? ProducerSummary.of(view.organization(), regions) : null,
                    regions.fullName(view.plot().getRegionCode()),
                    links.traceUrl(code.getCode()),
                    links.digitalLinkUrl(view).orElse(null));
        }
    }

    record ProductSummary(String name, String variety, String category, String categoryName, String gtin) {}

    /** The producer as a label names it: name, kind and region; never contacts, addresses or ID numbers. */
    record ProducerSummary(String name, String type, String region) {

        static ProducerSummary of(Organization organization, Regions regions) {
            return new ProducerSummary(
                    organization.getName(),
                    organization.getType().chineseName(),
                    regions.fullName(organization.getRegionCode()));
        }
    }

    /** A code as its producer sees it: with serial number, who issued it and why it was disabled. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OwnedCodeResponse(
            String code,
            String grouped,
            String kind,
            int itemNumber,
            String status,
            Instant issuedAt,
            String issuedBy,
            Instant disabledAt,
            String disabledBy,
            String disabledReason,
            String url) {

        static OwnedCodeResponse of(IssuedCode code, TraceLinks links) {
            return new OwnedCodeResponse(
                    code.getCode(),
                    TraceCode.parse(code.getCode()).grouped(),
                    code.getKind().name(),
                    code.getItemNumber(),
                    code.getStatus().name(),
                    code.getIssuedAt(),
                    code.getIssuedBy(),
                    code.getDisabledAt(),
                    code.getDisabledBy(),
                    code.getDisabledReason(),
                    links.traceUrl(code.getCode()));
        }
    }

    /** One serial just issued: slim, since a request may issue ten thousand. */
    record IssuedSerial(String code, int itemNumber, String url) {}

    /**
     * Serials just issued.
     *
     * @param serialsIssued how many serials the batch has now, these included
     * @param serialCap how many its harvest allows in total
     */
    record SerialsIssuedResponse(
            Long batchId, int count, long serialsIssued, long serialCap, List<IssuedSerial> codes) {}

    /**
     * What an uploaded photo's QR code says.
     *
     * @param recognisedAs {@code TRACE_URL} or {@code DIGITAL_LINK} of this service, a bare {@code TRACE_CODE},
     *     or {@code OTHER} (someone else's link, or any text)
     * @param resolvesTo the code it leads to, if it is one of ours that was issued; null otherwise
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DecodedResponse(String text, String recognisedAs, CodeResponse resolvesTo) {}
}
