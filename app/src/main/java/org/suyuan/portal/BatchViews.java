package org.suyuan.portal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.suyuan.archive.ArchiveEntry;
import org.suyuan.archive.BatchService;
import org.suyuan.archive.EventDetails;
import org.suyuan.archive.OrganizationService;
import org.suyuan.db.archive.Batch;
import org.suyuan.db.archive.Organization;
import org.suyuan.db.archive.Plot;
import org.suyuan.db.archive.Product;

/** A batch as the pages show it: with its product, plot, history, safety interval and anchoring state. */
@Component
class BatchViews {

    /** How many of an organization's products or plots a page loads at most. */
    static final int MANY = 500;

    private final BatchService batches;
    private final OrganizationService registry;
    private final AnchoringStates anchoring;

    BatchViews(BatchService batches, OrganizationService registry, AnchoringStates anchoring) {
        this.batches = batches;
        this.registry = registry;
        this.anchoring = anchoring;
    }

    /**
     * One batch with everything a page says about it.
     *
     * @param product what the batch is; for goods received from another organization, the source's product
     * @param plot where it was grown (产地)
     * @param originProducer who grew it, when that is not the batch's own organization (received goods); else null
     */
    record Overview(
            Batch batch,
            Product product,
            Plot plot,
            Organization originProducer,
            List<ArchiveEntry> history,
            SafetyInterval safetyInterval,
            AnchoringStates.State anchoring) {

        List<ArchiveEntry> effective() {
            return ArchiveEntry.effective(history);
        }

        ArchiveEntry head() {
            return history.isEmpty() ? null : history.get(history.size() - 1);
        }

        /**
         * Whether a harvest today would be refused because a safety interval still runs: only said of a batch that
         * may still be harvested (a recalled one may not at all).
         */
        boolean harvestBlocked(LocalDate today) {
            return batch.getStatus().mayStillBeHarvested()
                    && safetyInterval != null
                    && safetyInterval.harvestAllowedFrom().isAfter(today);
        }
    }

    /**
     * The pesticide use whose safety interval ends last, and the day harvest becomes allowed: the same rule the
     * archive enforces (农药管理条例), shown before the farmer tries.
     */
    record SafetyInterval(ArchiveEntry use, LocalDate harvestAllowedFrom) {

        public EventDetails.PesticideUse details() {
            return use.detailsAs(EventDetails.PesticideUse.class);
        }
    }

    Overview overview(Long organizationId, Long batchId) {
        Batch batch = batches.batch(organizationId, batchId);
        return overview(batch, registry.originOf(batch));
    }

    /**
     * The overview of one of the organization's batches, its product and plot looked up among the organization's
     * own (one query for a whole list) unless the batch holds goods received from another organization.
     */
    Overview overview(Batch batch, Map<Long, Product> ownProducts, Map<Long, Plot> ownPlots) {
        Product product = ownProducts.get(batch.getProductId());
        Plot plot = ownPlots.get(batch.getPlotId());
        if (product == null || plot == null) {
            return overview(batch, registry.originOf(batch));
        }
        return overview(batch, product, plot, null);
    }

    private Overview overview(Batch batch, OrganizationService.Origin origin) {
        boolean received = !origin.producer().getId().equals(batch.getOrganizationId());
        return overview(batch, origin.product(), origin.plot(), received ? origin.producer() : null);
    }

    private Overview overview(Batch batch, Product product, Plot plot, Organization originProducer) {
        List<ArchiveEntry> history = batches.history(batch.getOrganizationId(), batch.getId());
        ArchiveEntry head = history.isEmpty() ? null : history.get(history.size() - 1);
        return new Overview(
                batch,
                product,
                plot,
                originProducer,
                history,
                safetyInterval(ArchiveEntry.effective(history)).orElse(null),
                head == null ? AnchoringStates.State.UNKNOWN : anchoring.ofHead(head.id()));
    }

    /** The safety interval that ends last among the effective pesticide uses. */
    static Optional<SafetyInterval> safetyInterval(List<ArchiveEntry> effective) {
        return effective.stream()
                .filter(entry -> entry.details() instanceof EventDetails.PesticideUse)
                .map(entry -> new SafetyInterval(
                        entry,
                        entry.occurredOn()
                                .plusDays(entry.detailsAs(EventDetails.PesticideUse.class)
                                        .safetyIntervalDays())))
                .max(Comparator.comparing(SafetyInterval::harvestAllowedFrom));
    }

    Map<Long, Product> products(Long organizationId) {
        return registry.products(organizationId, PageRequest.of(0, MANY, Sort.by("name"))).stream()
                .collect(Collectors.toMap(Product::getId, Function.identity()));
    }

    Map<Long, Plot> plots(Long organizationId) {
        return registry.plots(organizationId, PageRequest.of(0, MANY, Sort.by("name"))).stream()
                .collect(Collectors.toMap(Plot::getId, Function.identity()));
    }
}
