package org.suyuan.verification;

import org.springframework.stereotype.Component;
import org.suyuan.BoundedCache;
import org.suyuan.archive.OrganizationService;
import org.suyuan.db.archive.Batch;
import org.suyuan.db.archive.Organization;

/**
 * The product, plot and producer of batches, and organizations that hold received goods, remembered for scans:
 * they are registered once and never edited (an organization's GLN can be assigned later, and no page of a scan
 * shows it), so reading them again on every scan would only cost time. The batch itself, its code and its whole
 * record are still read on every scan. Bounded: the least recently scanned are forgotten first.
 */
@Component
class Origins {

    static final int CAPACITY = 4_096;

    private final OrganizationService registry;
    private final BoundedCache<OriginKey, OrganizationService.Origin> origins = new BoundedCache<>(CAPACITY);
    private final BoundedCache<Long, Organization> organizations = new BoundedCache<>(CAPACITY);

    Origins(OrganizationService registry) {
        this.registry = registry;
    }

    /** A batch's product and plot name its origin; batches of one product on one plot share it. */
    private record OriginKey(long productId, long plotId) {}

    /** The origin of a batch (see {@link OrganizationService#originOf(Batch)}); read once, then remembered. */
    OrganizationService.Origin of(Batch batch) {
        return origins.get(new OriginKey(batch.getProductId(), batch.getPlotId()), key -> registry.originOf(batch));
    }

    /** An organization by id; read once, then remembered. */
    Organization organization(Long id) {
        return organizations.get(id, registry::organization);
    }
}
