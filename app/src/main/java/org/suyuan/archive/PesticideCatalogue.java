package org.suyuan.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.suyuan.db.archive.ProductCategory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The banned and restricted pesticides (禁限用农药名录), loaded from the versioned data file
 * {@code pesticides/banned-and-restricted.json}, which names the 公告 behind every entry and how current it is.
 *
 * <p>Entries take effect on a date: a use recorded for a day before a ban is judged by the rules of that day.
 */
@Component
public class PesticideCatalogue {

    private static final String RESOURCE = "/pesticides/banned-and-restricted.json";

    private final String version;
    private final List<Entry> entries;
    private final Map<String, Set<ProductCategory>> categoryNames;

    public PesticideCatalogue(JsonMapper json) {
        CatalogueFile file = read(json);
        this.version = file.version();
        this.entries = List.copyOf(file.entries());
        this.categoryNames = file.categories().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(
                        Map.Entry::getKey,
                        e -> Set.copyOf(e.getValue().stream()
                                .map(ProductCategory::valueOf)
                                .toList())));
    }

    /** How severe a listed use is. */
    public enum Scope {
        /** 禁止(停止)使用: on every crop. */
        BANNED,
        /** 在部分范围禁止使用: on the categories and crops the entry names. */
        RESTRICTED
    }

    /** Why a use is not allowed, with the announcement to quote to the farmer. */
    public record Finding(String substance, Scope scope, String announcement, LocalDate since, String scopeText) {}

    /** The data file's version, shown next to every finding so an inspector knows which list judged it. */
    public String version() {
        return version;
    }

    /**
     * Judges a pesticide use: the most severe finding for the active ingredient or product name on a product of
     * this category and name on this day, or empty when the list does not forbid it.
     */
    public Optional<Finding> judge(
            String activeIngredient,
            String pesticideProductName,
            ProductCategory category,
            String crop,
            LocalDate day) {
        String text = normalise(activeIngredient + " " + pesticideProductName);
        String cropText = normalise(crop);
        List<Finding> findings = new ArrayList<>();
        for (Entry entry : entries) {
            if (!entry.inForceOn(day) || !entry.mentionedIn(text)) {
                continue;
            }
            if (entry.scope() == Scope.BANNED) {
                findings.add(entry.finding("全面禁止使用"));
            } else if (appliesTo(entry, category, cropText)) {
                findings.add(entry.finding("禁止在" + String.join("、", entry.scopeNames()) + "上使用"));
            }
        }
        return findings.stream().min(Comparator.comparing(Finding::scope));
    }

    /** A listed substance as the pesticide picker shows it, with why it is listed. */
    public record Listing(String substance, Scope scope, String scopeText, String announcement) {}

    /**
     * Every substance the list names on a day, each once with its most severe listing, banned ones first: what a
     * pesticide picker warns about before a farmer records a use.
     */
    public List<Listing> listings(LocalDate day) {
        Map<String, Listing> bySubstance = new java.util.LinkedHashMap<>();
        entries.stream()
                .filter(entry -> entry.inForceOn(day))
                .sorted(Comparator.comparing(Entry::scope))
                .forEach(entry -> bySubstance.putIfAbsent(
                        entry.name(),
                        new Listing(
                                entry.name(),
                                entry.scope(),
                                entry.scope() == Scope.BANNED
                                        ? "全面禁止使用"
                                        : "禁止在" + String.join("、", entry.scopeNames()) + "上使用",
                                entry.announcement())));
        return List.copyOf(bySubstance.values());
    }

    private boolean appliesTo(Entry entry, ProductCategory category, String cropText) {
        boolean categoryListed = entry.categories().stream()
                .map(name -> categoryNames.getOrDefault(name, Set.of()))
                .anyMatch(categories -> categories.contains(category));
        boolean cropListed =
                entry.crops().stream().map(PesticideCatalogue::normalise).anyMatch(cropText::contains);
        return categoryListed || cropListed;
    }

    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        return text.replace('，', ',').replace(" ", "").replace("\u3000", "").toUpperCase(Locale.ROOT);
    }

    private static CatalogueFile read(JsonMapper json) {
        try (InputStream in = PesticideCatalogue.class.getResourceAsStream(RESOURCE)) {
            return json.readValue(in, CatalogueFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    record CatalogueFile(String version, Map<String, List<String>> categories, List<Entry> entries) {}

    record Entry(
            String name,
            List<String> aliases,
            List<String> except,
            Scope scope,
            LocalDate from,
            LocalDate until,
            List<String> categories,
            List<String> crops,
            String announcement) {

        Entry {
            aliases = aliases == null ? List.of() : aliases;
            except = except == null ? List.of() : except;
            categories = categories == null ? List.of() : categories;
            crops = crops == null ? List.of() : crops;
        }

        boolean inForceOn(LocalDate day) {
            return !day.isBefore(from) && (until == null || day.isBefore(until));
        }

        /** Mentioned by name or alias, not merely as part of a different substance's name (乐果 in 氧乐果). */
        boolean mentionedIn(String text) {
            String remaining = text;
            for (String longer : except) {
                remaining = remaining.replace(normalise(longer), " ");
            }
            String searched = remaining;
            return searched.contains(normalise(name))
                    || aliases.stream().map(PesticideCatalogue::normalise).anyMatch(searched::contains);
        }

        List<String> scopeNames() {
            List<String> names = new ArrayList<>(categories);
            names.addAll(crops);
            return names;
        }

        Finding finding(String scopeText) {
            return new Finding(name, scope, announcement, from, scopeText);
        }
    }
}
