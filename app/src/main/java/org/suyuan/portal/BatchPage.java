package org.suyuan.portal;

import java.time.LocalDate;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.suyuan.SuyuanProperties;
import org.suyuan.account.CurrentUser;
import org.suyuan.archive.AttachmentService;
import org.suyuan.archive.BatchService;
import org.suyuan.archive.SupplyChainService;
import org.suyuan.code.CodeService;
import org.suyuan.db.archive.Attachment;
import org.suyuan.db.archive.EventType;

/**
 * The batch page's model: what the batch page shows, and what a failed upload or code request shows again with
 * its error.
 */
@Component
class BatchPage {

    /** The label layouts the page offers (names as {@code LabelLayout.named} reads them). */
    static final List<String> LAYOUTS = List.of("a4-3x8", "thermal-50x30", "thermal-40x30");

    private final BatchService batches;
    private final AttachmentService attachments;
    private final SupplyChainService supplyChain;
    private final CodeService codes;
    private final BatchViews views;
    private final Timeline timeline;
    private final PortalMessages messages;
    private final Today today;
    private final SuyuanProperties properties;
    private final DataSize maxAttachmentSize;

    BatchPage(
            BatchService batches,
            AttachmentService attachments,
            SupplyChainService supplyChain,
            CodeService codes,
            BatchViews views,
            Timeline timeline,
            PortalMessages messages,
            Today today,
            SuyuanProperties properties,
            @Value("${suyuan.attachments.max-size:10MB}") DataSize maxAttachmentSize) {
        this.batches = batches;
        this.attachments = attachments;
        this.supplyChain = supplyChain;
        this.codes = codes;
        this.views = views;
        this.timeline = timeline;
        this.messages = messages;
        this.today = today;
        this.properties = properties;
        this.maxAttachmentSize = maxAttachmentSize;
    }

    /** An event type a producer can record, with its words. */
    record TypeChoice(EventType type, String name) {}

    String show(CurrentUser user, Long id, Model model) {
        Long organizationId = user.requireOrganization();
        BatchViews.Overview overview = views.overview(organizationId, id);
        List<Attachment> files = attachments.attachments(organizationId, id);
        LocalDate day = today.date();
        CodeService.BatchCodes codeStatus = codes.status(user, id);
        model.addAttribute("overview", overview);
        model.addAttribute("batch", overview.batch());
        model.addAttribute("entries", timeline.of(id, overview.history(), files, today));
        model.addAttribute("attachments", files);
        model.addAttribute("links", supplyChain.links(organizationId, id));
        model.addAttribute("violations", batches.violations(organizationId, id));
        model.addAttribute(
                "types",
                EventFields.RECORDABLE.stream()
                        // A recall is not routine work: the page offers it apart, as the serious step it is.
                        .filter(type -> type != org.suyuan.db.archive.EventType.RECALL)
                        .map(type -> new TypeChoice(type, messages.eventType(type)))
                        .toList());
        model.addAttribute("harvestBlocked", overview.harvestBlocked(day));
        model.addAttribute("today", day);
        model.addAttribute("maxAttachmentMegabytes", maxAttachmentSize.toMegabytes());
        model.addAttribute("maxAttachmentBytes", maxAttachmentSize.toBytes());
        model.addAttribute("codes", codeStatus);
        model.addAttribute("layouts", LAYOUTS);
        model.addAttribute("maxSerialsPerRequest", CodeService.MAX_SERIALS_PER_REQUEST);
        model.addAttribute("serialsAvailable", Math.max(0, codeStatus.serialCap() - codeStatus.serialsIssued()));
        model.addAttribute("consumerUrl", "/t/" + codeStatus.batchCode());
        model.addAttribute("printedUrl", properties.publicBaseUrl() + "/t/" + codeStatus.batchCode());
        return "portal/batch";
    }
}
