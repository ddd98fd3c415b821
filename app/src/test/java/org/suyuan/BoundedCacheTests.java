package org.suyuan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BoundedCacheTests {

    @Test
    void readsAValueOnceAndForgetsTheLeastRecentlyUsedBeyondItsCapacity() {
        List<Integer> reads = new ArrayList<>();
        BoundedCache<Integer, String> cache = new BoundedCache<>(2);

        cache.get(1, key -> read(reads, key));
        cache.get(2, key -> read(reads, key));
        cache.get(1, key -> read(reads, key));
        cache.get(3, key -> read(reads, key));
        cache.get(1, key -> read(reads, key));
        cache.get(2, key -> read(reads, key));

        assertThat(reads).containsExactly(1, 2, 3, 2);
    }

    @Test
    void remembersOnlyValuesThatWereFound() {
        BoundedCache<String, String> cache = new BoundedCache<>(10);

        assertThat(cache.find("root", key -> Optional.empty())).isEmpty();
        assertThat(cache.find("root", key -> Optional.of("receipt"))).contains("receipt");
        assertThat(cache.find("root", key -> Optional.of("another"))).contains("receipt");
    }

    @Test
    void refusesANullValueAndAnEmptyCapacity() {
        BoundedCache<String, String> cache = new BoundedCache<>(1);

        assertThatThrownBy(() -> cache.get("key", key -> null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new BoundedCache<String, String>(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String read(List<Integer> reads, int key) {
        reads.add(key);
        return "value " + key;
    }
}
