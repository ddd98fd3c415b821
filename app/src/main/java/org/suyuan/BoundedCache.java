package org.suyuan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Values that never change once they exist (a product, a root the ledger confirmed, an anchor's subtree roots),
 * remembered so that a hot path reads each once. At most {@code capacity} entries; the least recently used are
 * forgotten first. Safe for concurrent use. A missing value is read outside the lock: two callers may both read it,
 * and neither waits for the other's read (a read may take a connection or a ledger call).
 */
public final class BoundedCache<K, V> {

    private final Map<K, V> entries;

    public BoundedCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("A cache holds at least one entry, got " + capacity);
        }
        this.entries = new LinkedHashMap<>(Math.min(capacity, 256), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The value of a key, read once and then remembered; {@code read} must not answer null. */
    public V get(K key, Function<? super K, ? extends V> read) {
        V known = known(key);
        if (known != null) {
            return known;
        }
        V value = Objects.requireNonNull(read.apply(key), "read");
        remember(key, value);
        return value;
    }

    /** The value of a key if it exists; only a value found is remembered (one missing now may exist later). */
    public Optional<V> find(K key, Function<? super K, Optional<V>> read) {
        V known = known(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<V> found = read.apply(key);
        found.ifPresent(value -> remember(key, value));
        return found;
    }

    private V known(K key) {
        synchronized (entries) {
            return entries.get(key);
        }
    }

    private void remember(K key, V value) {
        synchronized (entries) {
            entries.put(key, value);
        }
    }
}
