package org.suyuan.portal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.suyuan.archive.ArchiveEntry;
import org.suyuan.archive.BatchService;
import org.suyuan.archive.EventDetails;
import org.suyuan.archive.PesticideCatalogue;
import org.suyuan.db.archive.Batch;
import org.suyuan.db.archive.EventType;
import org.suyuan.db.archive.Product;

/**
 * What the pesticide form tells a farmer before he records a use: whether the product is banned or restricted for
 * this crop (the same catalogue the archive judges with), and from which day harvest will be allowed. Also the
 * picker's choices: what this organization used before, and the listed substances.
 *
 * <p>Registration numbers (农药登记证号) come only from the farmer's own earlier records: none is invented.
 */
@Component
class PesticideAdvisor {

    /** How many recent batches are searched for earlier pesticide uses. */
    private static final int BATCHES_SEARCHED = 200;

    private static final int CHOICES = 40;

    private final PesticideCatalogue catalogue;
    private final BatchService batches;
    private final PortalMessages messages;

    PesticideAdvisor(PesticideCatalogue catalogue, BatchService batches, PortalMessages messages) {
        this.catalogue = catalogue;
        this.batches = batches;
        this.messages = messages;
    }

    /**
     * The advice for a pesticide use as typed so far.
     *
     * @param level "banned" or "restricted" when the catalogue forbids it, else null
     * @param warning what the farmer must know, or null
     * @param harvestAllowedFrom the first day this batch may be harvested after the use, or null when unknown yet
     * @param harvestText that day in words, or null
     */
    record Advice(String level, String warning, LocalDate harvestAllowedFrom, String harvestText) {

        boolean isEmpty() {
            return warning == null && harvestText == null;
        }
    }

    /**
     * The advice for a pesticide use as typed so far.
     *
     * @param day the day of the use as typed, or null when none is typed yet
     * @param today the farm's today (the catalogue is judged as of the use's day, or today without one)
     */
    Advice advise(
            Product product,
            List<ArchiveEntry> history,
            String activeIngredient,
            String productName,
            LocalDate day,
            Integer safetyIntervalDays,
            LocalDate today) {
        String level = null;
        String warning = null;
        boolean named = !blank(activeIngredient) || !blank(productName);
        if (named) {
            Optional<PesticideCatalogue.Finding> finding = catalogue.judge(
                    nullToEmpty(activeIngredient),
                    nullToEmpty(productName),
                    product.getCategory(),
                    product.getName() + " " + product.getVariety(),
                    day == null ? today : day);
            if (finding.isPresent()) {
                PesticideCatalogue.Finding found = finding.get();
                level = found.scope() == PesticideCatalogue.Scope.BANNED ? "banned" : "restricted";
                warning = messages.get(
                        "pesticide.warning",
                        found.substance(),
                        found.scopeText(),
                        found.announcement(),
                        product.getName());
            }
        }
        LocalDate allowed = null;
        String harvestText = null;
        // A banned or restricted product will not be recorded: a harvest day after it would mislead.
        if (level == null && day != null && safetyIntervalDays != null && safetyIntervalDays >= 0) {
            allowed = day.plusDays(safetyIntervalDays);
            LocalDate existing = BatchViews.safetyInterval(ArchiveEntry.effective(history))
                    .map(BatchViews.SafetyInterval::harvestAllowedFrom)
                    .orElse(null);
            harvestText = existing != null && existing.isAfter(allowed)
                    ? messages.get("pesticide.harvestFrom.existing", allowed.toString(), existing.toString())
                    : messages.get("pesticide.harvestFrom", safetyIntervalDays, allowed.toString());
            if (existing != null && existing.isAfter(allowed)) {
                allowed = existing;
            }
        }
        return new Advice(level, warning, allowed, harvestText);
    }

    /** A pesticide the picker offers, with the fields it fills in. */
    record Choice(String key, String label, Map<String, String> values, String level) {}

    /** What this organization recorded before, newest first, each product and dose once. */
    List<Choice> usedBefore(Long organizationId) {
        Map<String, Choice> byProduct = new LinkedHashMap<>();
        List<ArchiveEntry> uses = new ArrayList<>();
        for (Batch batch : batches.batches(
                        organizationId, PageRequest.of(0, BATCHES_SEARCHED, Sort.by(Sort.Direction.DESC, "id")))
                .getContent()) {
            ArchiveEntry.effective(batches.history(organizationId, batch.getId())).stream()
                    .filter(entry -> entry.type() == EventType.PESTICIDE_USE)
                    .forEach(uses::add);
        }
        uses.sort(Comparator.comparing(ArchiveEntry::occurredOn)
                .thenComparing(ArchiveEntry::id)
                .reversed());
        for (ArchiveEntry use : uses) {
            EventDetails.PesticideUse details = use.detailsAs(EventDetails.PesticideUse.class);
            String identity = String.join(
                    "|",
                    details.productName(),
                    details.registrationNumber(),
                    details.dose(),
                    details.doseUnit(),
                    details.method(),
                    String.valueOf(details.safetyIntervalDays()));
            if (byProduct.size() >= CHOICES || byProduct.containsKey(identity)) {
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            values.put("productName", details.productName());
            values.put("registrationNumber", details.registrationNumber());
            values.put("activeIngredient", details.activeIngredient());
            values.put("dose", details.dose());
            values.put("doseUnit", details.doseUnit());
            values.put("method", details.method());
            values.put("safetyIntervalDays", String.valueOf(details.safetyIntervalDays()));
            if (details.target() != null) {
                values.put("target", details.target());
            }
            byProduct.put(
                    identity,
                    new Choice(
                            "used:" + use.id(),
                            messages.get(
                                    "pesticide.choice.used",
                                    details.productName(),
                                    details.registrationNumber(),
                                    details.dose() + details.doseUnit(),
                                    details.safetyIntervalDays(),
                                    use.occurredOn().toString()),
                            values,
                            null));
        }
        return List.copyOf(byProduct.values());
    }

    /** The banned and restricted substances, so that picking one shows why it must not be used. */
    List<Choice> listed(LocalDate day) {
        return catalogue.listings(day).stream()
                .map(listing -> new Choice(
                        "listed:" + listing.substance(),
                        messages.get(
                                "pesticide.choice.listed",
                                listing.substance(),
                                listing.scopeText(),
                                listing.announcement()),
                        Map.of("activeIngredient", listing.substance()),
                        listing.scope() == PesticideCatalogue.Scope.BANNED ? "banned" : "restricted"))
                .toList();
    }

    /** The values a picked choice fills in, if the key names one. */
    Optional<Map<String, String>> pick(Long organizationId, String key, LocalDate day) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        List<Choice> choices = key.startsWith("used:") ? usedBefore(organizationId) : listed(day);
        return choices.stream()
                .filter(choice -> choice.key().equals(key))
                .findFirst()
                .map(Choice::values);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
