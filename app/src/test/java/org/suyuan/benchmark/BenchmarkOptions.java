package org.suyuan.benchmark;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.convert.DurationStyle;

/** A benchmark's command line: {@code --name value} pairs, each with a default in the benchmark. */
final class BenchmarkOptions {

    private final Map<String, String> values;

    private BenchmarkOptions(Map<String, String> values) {
        this.values = values;
    }

    static BenchmarkOptions parse(String[] arguments) {
        Map<String, String> values = new HashMap<>();
        for (int index = 0; index < arguments.length; index += 2) {
            if (!arguments[index].startsWith("--") || index + 1 == arguments.length) {
                throw new IllegalArgumentException("Expected --name value pairs, got " + String.join(" ", arguments));
            }
            values.put(arguments[index].substring(2), arguments[index + 1]);
        }
        return new BenchmarkOptions(values);
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
    }

    long number(String name, long fallback) {
        return values.containsKey(name) ? Long.parseLong(values.get(name)) : fallback;
    }

    /** {@code 30s}, {@code 2m} or ISO-8601 ({@code PT30S}), as Spring properties take them. */
    Duration duration(String name, Duration fallback) {
        return values.containsKey(name) ? DurationStyle.detectAndParse(values.get(name)) : fallback;
    }
}
