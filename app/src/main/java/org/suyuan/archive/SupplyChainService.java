package org.suyuan.archive;

import java.time.Clock;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suyuan.account.CurrentUser;
import org.suyuan.db.archive.Batch;
import org.suyuan.db.archive.BatchEvent;
import org.suyuan.db.archive.BatchEventRepository;
import org.suyuan.db.archive.BatchLink;
import org.suyuan.db.archive.BatchLinkRepository;
import org.suyuan.db.archive.BatchRepository;
import org.suyuan.db.archive.EventType;
import org.suyuan.db.archive.Organization;
import org.suyuan.db.archive.OrganizationRepository;
import org.suyuan.problem.InvalidInputException;
import org.suyuan.problem.NotFoundException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The links between batches (来源/去向, NY/T 4712-2025): a shipment to an organization on Suyuan waits for the
 * buyer to confirm receipt, which opens the buyer's own batch linked to the source; processing links its input
 * batches to its output. The links are written in the transaction that records the shipment or processing.
 */
@Service
public class SupplyChainService {

    private final BatchLinkRepository links;
    private final BatchRepository batches;
    private final BatchEventRepository events;
    private final OrganizationRepository organizations;
    private final BatchService batchService;
    private final OrganizationService registry;
    private final JsonMapper json;
    private final Clock clock;

    SupplyChainService(
            BatchLinkRepository links,
            BatchRepository batches,
            BatchEventRepository events,
            OrganizationRepository organizations,
            BatchService batchService,
            OrganizationService registry,
            JsonMapper json,
            Clock clock) {
        this.links = links;
        this.batches = batches;
        this.events = events;
        this.organizations = organizations;
        this.batchService = batchService;
        this.registry = registry;
        this.json = json;
        this.clock = clock;
    }

    /**
     * What a buyer is asked to confirm, or what a batch's links are, as the pages and the API show them.
     *
     * @param productName what the goods are (the source batch's product), which a receipt keeps
     * @param variety the product's variety
     * @param originPlotName the plot the goods were grown on (产地)
     * @param producerName the organization that grew them
     */
    public record LinkView(
            Long id,
            String kind,
            String state,
            Long sourceBatchId,
            String sourceBatchNumber,
            String sourceOrganizationName,
            Long targetOrganizationId,
            String targetOrganizationName,
            Long targetBatchId,
            Quantity quantity,
            String productName,
            String variety,
            String originPlotName,
            String producerName) {}

    @EventListener
    void linkShipmentsAndProcessing(EventRecorded recorded) {
        if (recorded.type() != EventType.SHIPMENT && recorded.type() != EventType.PROCESSING) {
            return;
        }
        BatchEvent event = events.findByIdAndBatchId(recorded.eventId(), recorded.batchId())
                .orElseThrow();
        if (event.getType() == EventType.SHIPMENT) {
            linkShipment(event, recorded.organizationId());
        } else if (event.getType() == EventType.PROCESSING) {
            linkProcessingInputs(event, recorded.organizationId());
        }
    }

    /** Shipments from other organizations on Suyuan that this organization has not yet taken into a batch. */
    @Transactional(readOnly = true)
    public List<LinkView> pendingReceipts(Long organizationId) {
        return links.findAllByTargetOrganizationIdAndStateOrderById(organizationId, BatchLink.State.PENDING).stream()
                .map(this::view)
                .toList();
    }

    /** Where a batch's goods came from and went to. */
    @Transactional(readOnly = true)
    public List<LinkView> links(Long organizationId, Long batchId) {
        batchService.batch(organizationId, batchId);
        List<LinkView> all = new java.util.ArrayList<>();
        links.findAllByTargetBatchIdOrderById(batchId).forEach(link -> all.add(view(link)));
        links.findAllBySourceBatchIdOrderById(batchId).forEach(link -> all.add(view(link)));
        return all;
    }

    /**
     * The buyer confirms a shipment: a batch of its own is opened with the source in its 建档 and the received
     * quantity in a 收货 event, so it can sell no more than it received. The goods stay what they were: the new batch
     * carries the source's product, variety and origin (see {@link EventDetails.Created}).
     */
    @Transactional
    public Batch confirmReceipt(CurrentUser buyer, Long linkId, BatchService.ReceivedBatch request) {
        Long organizationId = buyer.requireOrganization();
        BatchLink link = links.findByIdAndTargetOrganizationId(linkId, organizationId)
                .filter(l -> l.getState() == BatchLink.State.PENDING)
                .orElseThrow(() -> NotFoundException.receipt(linkId));
        Batch source = batches.findById(link.getSourceBatchId()).orElseThrow();
        BatchEvent shipment = events.findByIdAndBatchId(link.getSourceEventId(), source.getId())
                .orElseThrow();
        Organization seller =
                organizations.findById(link.getSourceOrganizationId()).orElseThrow();
        EventDetails.SourceSnapshot origin = new EventDetails.SourceSnapshot(
                source.getId(), source.getBatchNumber(), seller.getId(), seller.getName(), shipment.getEventHash());
        LinkView view = view(link);
        Batch received = batchService.openReceived(
                buyer,
                request,
                source,
                shipment.getOccurredOn(),
                new EventDetails.Receipt(origin, view.quantity(), request.notes()));
        link.confirm(received.getId(), clock.instant());
        return received;
    }

    private void linkShipment(BatchEvent event, Long sellerId) {
        EventDetails.Shipment shipment = json.readValue(event.getDetails(), EventDetails.Shipment.class);
        Long buyerId = shipment.buyerOrganizationId();
        if (buyerId == null) {
            return;
        }
        if (buyerId.equals(sellerId) || !organizations.existsById(buyerId)) {
            throw InvalidInputException.eventDetails(
                    "details.buyerOrganizationId", "买方主体编号 " + buyerId + " 不是平台上的另一家主体；买方不在平台上时请不填此项。");
        }
        links.save(BatchLink.shipment(
                event.getBatchId(),
                event.getId(),
                sellerId,
                buyerId,
                shipment.quantity().amount(),
                shipment.quantity().unit().name(),
                clock.instant()));
    }

    private void linkProcessingInputs(BatchEvent event, Long organizationId) {
        EventDetails.Processing processing = json.readValue(event.getDetails(), EventDetails.Processing.class);
        if (processing.inputs() == null) {
            return;
        }
        for (EventDetails.ProcessingInput input : processing.inputs()) {
            Batch inputBatch = batches.findByOrganizationIdAndBatchNumber(organizationId, input.batchNumber())
                    .orElseThrow(() -> InvalidInputException.eventDetails(
                            "details.inputs", "原料批次 " + input.batchNumber() + " 不是本主体的批次，请核对批次号。"));
            if (inputBatch.getId().equals(event.getBatchId())) {
                throw InvalidInputException.eventDetails("details.inputs", "原料批次不能是加工后的批次本身。");
            }
            links.save(BatchLink.processingInput(
                    inputBatch.getId(),
                    event.getId(),
                    organizationId,
                    event.getBatchId(),
                    input.quantity() == null ? null : input.quantity().amount(),
                    input.quantity() == null ? null : input.quantity().unit().name(),
                    clock.instant()));
        }
    }

    private LinkView view(BatchLink link) {
        Batch source = batches.findById(link.getSourceBatchId()).orElseThrow();
        String sourceName = organizations
                .findById(link.getSourceOrganizationId())
                .map(Organization::getName)
                .orElse(null);
        String targetName = organizations
                .findById(link.getTargetOrganizationId())
                .map(Organization::getName)
                .orElse(null);
        Quantity quantity = link.getQuantityAmount() == null
                ? null
                : new Quantity(link.getQuantityAmount(), QuantityUnit.valueOf(link.getQuantityUnit()));
        OrganizationService.Origin origin = registry.originOf(source);
        return new LinkView(
                link.getId(),
                link.getKind().name(),
                link.getState().name(),
                source.getId(),
                source.getBatchNumber(),
                sourceName,
                link.getTargetOrganizationId(),
                targetName,
                link.getTargetBatchId(),
                quantity,
                origin.product().getName(),
                origin.product().getVariety(),
                origin.plot().getName(),
                origin.producer().getName());
    }
}
