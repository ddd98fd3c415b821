package org.suyuan.verification;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;
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
    private final Map<OriginKey, OrganizationService.Origin> origins = lru();
    private final Map<Long, Organization> organizations = lru();

    Origins(OrganizationService registry) {
        this.registry = registry;
    }

    /** A batch's product and plot name its origin; batches of one product on one plot share it. */
    private record OriginKey(long productId, long plotId) {}

    /** The origin of a batch (see {@link OrganizationService#originOf(Batch)}); read once, then remembered. */
    OrganizationService.Origin of(Batch batch) {
        return remembered(
                origins, new OriginKey(batch.getProductId(), batch.getPlotId()), key -> registry.originOf(batch));
    }

    /** An organization by id; read once, then remembered. */
    Organization organization(Long id) {
        return remembered(organizations, id, registry::organization);
    }

    private static <K, V> V remembered(Map<K, V> cache, K key, Function<K, V> read) {
        synchronized (cache) {
            V known = cache.get(key);
            if (known != null) {
                return known;
            }
        }
        // Read outside the lock: two scans may both read a missing entry once, and neither waits for the other.
        V value = read.apply(key);
        synchronized (cache) {
            cache.put(key, value);
        }
        return value;
    }

    private static <K, V> Map<K, V> lru() {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > CAPACITY;
            }
        };
    }
}
