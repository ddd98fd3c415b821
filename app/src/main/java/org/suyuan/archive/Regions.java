package org.suyuan.archive;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.suyuan.problem.InvalidInputException;

/**
 * The GB/T 2260 administrative regions Suyuan knows, loaded from {@code regions/gb2260-anhui.csv}.
 *
 * <p>Regions nest by code: a province ({@code xx0000}) contains its cities ({@code xxxx00}), a city its districts
 * and counties. Regulators' jurisdictions and producers' locations are both region codes.
 */
@Component
public class Regions {

    private static final String RESOURCE = "/regions/gb2260-anhui.csv";

    private final Map<String, Region> byCode;

    public Regions() {
        this.byCode = load();
    }

    /** A region: its six-digit code, its name, and the code of the region that contains it. */
    public record Region(String code, String name, String parentCode) {}

    public Optional<Region> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** Returns the region, or refuses the input naming the field it came from. */
    public Region require(String field, String code) {
        return find(code).orElseThrow(() -> InvalidInputException.region(field, code));
    }

    /** The full name, province to district, such as 安徽省芜湖市湾沚区. */
    public String fullName(String code) {
        StringBuilder name = new StringBuilder();
        Region region = byCode.get(code);
        while (region != null) {
            name.insert(0, region.name());
            region = region.parentCode() == null ? null : byCode.get(region.parentCode());
        }
        return name.isEmpty() ? code : name.toString();
    }

    /** Whether {@code code} lies within {@code jurisdiction} (the same region or one nested in it). */
    public boolean contains(String jurisdiction, String code) {
        return code != null && code.startsWith(prefixOf(jurisdiction));
    }

    /** The code prefix shared by every region within {@code jurisdiction}, for queries. */
    public static String prefixOf(String jurisdiction) {
        if (jurisdiction.endsWith("0000")) {
            return jurisdiction.substring(0, 2);
        }
        if (jurisdiction.endsWith("00")) {
            return jurisdiction.substring(0, 4);
        }
        return jurisdiction;
    }

    public List<Region> all() {
        return List.copyOf(byCode.values());
    }

    private static Map<String, Region> load() {
        Map<String, Region> regions = new LinkedHashMap<>();
        try (InputStream in = Regions.class.getResourceAsStream(RESOURCE);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("code,"))
                    .map(line -> line.split(",", -1))
                    .forEach(cells -> regions.put(
                            cells[0], new Region(cells[0], cells[1], cells[2].isEmpty() ? null : cells[2])));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        return regions;
    }
}
