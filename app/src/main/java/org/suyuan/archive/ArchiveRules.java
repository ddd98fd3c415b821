package org.suyuan.archive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.suyuan.db.archive.Batch;
import org.suyuan.db.archive.BatchStatus;
import org.suyuan.db.archive.EventType;
import org.suyuan.db.archive.Product;

/**
 * The consumer-protection rules of the production archive. Pure decisions over a batch's history: no I/O, so
 * each rule is tested on its own and the same code judges new events, certificates and inspections.
 */
@Component
class ArchiveRules {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final PesticideCatalogue pesticides;

    ArchiveRules(PesticideCatalogue pesticides) {
        this.pesticides = pesticides;
    }

    /** A new event as requested, before it is stored. */
    record Candidate(EventType type, LocalDate occurredOn, EventDetails details, ArchiveEntry corrected) {}

    /**
     * Refuses the candidate if any rule forbids it.
     *
     * @param history every event of the batch so far, in sequence
     * @throws RuleViolationException naming the first rule the candidate breaks
     */
    void check(Batch batch, Product product, List<ArchiveEntry> history, Candidate candidate, LocalDate today) {
        if (candidate.type() == EventType.CREATED || candidate.type() == EventType.RECEIPT) {
            throw new RuleViolationException(
                    Rule.EVENT_TYPE_NOT_RECORDABLE,
                    "“" + candidate.type().chineseName() + "”记录由系统生成（创建批次、确认收货时），不能手工添加。");
        }
        if (batch.getStatus() == BatchStatus.RECALLED) {
            throw new RuleViolationException(
                    Rule.BATCH_RECALLED, "批次 " + batch.getBatchNumber() + " 已召回，不能再添加记录；如需说明情况，请联系监管部门。");
        }
        if (candidate.occurredOn().isAfter(today)) {
            throw new RuleViolationException(
                    Rule.EVENT_IN_FUTURE,
                    "记录日期 " + DATE.format(candidate.occurredOn()) + " 晚于今天（" + DATE.format(today) + "），请填写实际发生的日期。");
        }
        if (candidate.occurredOn().isBefore(batch.getStartedOn())) {
            throw new RuleViolationException(
                    Rule.EVENT_BEFORE_BATCH_START,
                    "记录日期 " + DATE.format(candidate.occurredOn()) + " 早于批次开始日期 " + DATE.format(batch.getStartedOn())
                            + "，请核对日期。");
        }
        if (candidate.corrected() != null) {
            checkCorrection(candidate, history);
        }
        List<ArchiveEntry> effective = ArchiveEntry.effective(history).stream()
                .filter(e -> candidate.corrected() == null
                        || !candidate.corrected().id().equals(e.id()))
                .toList();
        if (candidate.details() instanceof EventDetails.PesticideUse use) {
            checkPesticide(use, product, candidate.occurredOn());
        } else if (candidate.details() instanceof EventDetails.Harvest) {
            checkSafetyInterval(candidate.occurredOn(), effective);
        } else if (candidate.details() instanceof EventDetails.Shipment shipment) {
            checkMassBalance(shipment.quantity(), effective);
        }
    }

    /**
     * The event types of a batch's history that {@link #check} needs to judge a candidate: a harvest is judged by
     * the pesticide uses, a shipment by the harvests and shipments, a correction by the events of its own type (a
     * correction always has the type of the event it corrects, so the corrections of that event are among them).
     * Other events need no history at all.
     */
    static Set<EventType> historyNeededFor(EventType candidate, boolean correction) {
        Set<EventType> needed = EnumSet.noneOf(EventType.class);
        if (correction) {
            needed.add(candidate);
        }
        if (candidate == EventType.HARVEST) {
            needed.add(EventType.PESTICIDE_USE);
        } else if (candidate == EventType.SHIPMENT) {
            needed.add(EventType.HARVEST);
            needed.add(EventType.RECEIPT);
            needed.add(EventType.SHIPMENT);
        }
        return needed;
    }

    /** Every rule the stored history breaks (entries recorded late can reveal an early harvest). */
    List<RuleViolationException> violationsIn(Product product, List<ArchiveEntry> history) {
        List<RuleViolationException> violations = new ArrayList<>();
        List<ArchiveEntry> effective = ArchiveEntry.effective(history);
        for (ArchiveEntry entry : effective) {
            try {
                if (entry.details() instanceof EventDetails.PesticideUse use) {
                    checkPesticide(use, product, entry.occurredOn());
                } else if (entry.details() instanceof EventDetails.Harvest) {
                    checkSafetyInterval(entry.occurredOn(), effective);
                }
            } catch (RuleViolationException violation) {
                violations.add(violation);
            }
        }
        return violations;
    }

    private void checkCorrection(Candidate candidate, List<ArchiveEntry> history) {
        ArchiveEntry corrected = candidate.corrected();
        if (corrected.type() == EventType.CREATED
                || corrected.type() == EventType.RECALL
                || corrected.type() == EventType.RECEIPT) {
            throw new RuleViolationException(Rule.INVALID_CORRECTION, "建档、收货和召回记录不能更正。");
        }
        if (corrected.type() != candidate.type()) {
            throw new RuleViolationException(
                    Rule.INVALID_CORRECTION,
                    "更正记录的类型（" + candidate.type().chineseName() + "）必须与被更正的记录（"
                            + corrected.type().chineseName() + "）相同。");
        }
        boolean alreadyCorrected = history.stream().anyMatch(e -> corrected.id().equals(e.supersedesEventId()));
        if (alreadyCorrected) {
            throw new RuleViolationException(Rule.INVALID_CORRECTION, "这条记录已经被更正过，请更正最新的那条记录。");
        }
    }

    private void checkPesticide(EventDetails.PesticideUse use, Product product, LocalDate day) {
        String crop = product.getName() + " " + product.getVariety();
        Optional<PesticideCatalogue.Finding> finding =
                pesticides.judge(use.activeIngredient(), use.productName(), product.getCategory(), crop, day);
        finding.ifPresent(found -> {
            Rule rule = found.scope() == PesticideCatalogue.Scope.BANNED
                    ? Rule.BANNED_PESTICIDE
                    : Rule.RESTRICTED_PESTICIDE;
            throw new RuleViolationException(
                    rule,
                    "“" + found.substance() + "”" + found.scopeText() + "（" + found.announcement() + "），不能用于"
                            + product.getName() + "。请改用已登记用于该作物的农药，并咨询当地农技人员。",
                    Map.of(
                            "substance", found.substance(),
                            "announcement", found.announcement(),
                            "catalogueVersion", pesticides.version()));
        });
    }

    private static void checkSafetyInterval(LocalDate harvestDay, List<ArchiveEntry> effective) {
        effective.stream()
                .filter(e -> e.details() instanceof EventDetails.PesticideUse)
                .filter(e -> !e.occurredOn().isAfter(harvestDay))
                .map(e -> new PesticideWindow(
                        e,
                        e.occurredOn()
                                .plusDays(e.detailsAs(EventDetails.PesticideUse.class)
                                        .safetyIntervalDays())))
                .filter(window -> harvestDay.isBefore(window.harvestAllowedFrom()))
                .max(Comparator.comparing(PesticideWindow::harvestAllowedFrom))
                .ifPresent(window -> {
                    EventDetails.PesticideUse use = window.use().detailsAs(EventDetails.PesticideUse.class);
                    throw new RuleViolationException(
                            Rule.HARVEST_INSIDE_SAFETY_INTERVAL,
                            DATE.format(window.use().occurredOn()) + " 施用的“" + use.productName() + "”安全间隔期为 "
                                    + use.safetyIntervalDays() + " 天，" + DATE.format(window.harvestAllowedFrom())
                                    + " 起才能采收。请到期后再采收并记录。",
                            Map.of(
                                    "pesticide", use.productName(),
                                    "appliedOn", window.use().occurredOn().toString(),
                                    "safetyIntervalDays", use.safetyIntervalDays(),
                                    "harvestAllowedFrom",
                                            window.harvestAllowedFrom().toString()));
                });
    }

    private record PesticideWindow(ArchiveEntry use, LocalDate harvestAllowedFrom) {}

    /** What was harvested, or received from upstream, is all that can be sold. */
    private static void checkMassBalance(Quantity shipped, List<ArchiveEntry> effective) {
        BigDecimal harvested =
                total(effective, EventType.HARVEST, shipped).add(total(effective, EventType.RECEIPT, shipped));
        BigDecimal alreadyShipped = total(effective, EventType.SHIPMENT, shipped);
        BigDecimal afterThis = alreadyShipped.add(shipped.inBaseMeasure());
        if (afterThis.compareTo(harvested) > 0) {
            BigDecimal perUnit = shipped.unit().grams().orElse(BigDecimal.ONE);
            String available = inUnit(harvested.subtract(alreadyShipped).max(BigDecimal.ZERO), perUnit);
            throw new RuleViolationException(
                    Rule.SHIPMENT_EXCEEDS_HARVEST,
                    "本批次采收和收货共 " + inUnit(harvested, perUnit) + shipped.unit().chineseName() + "，已销售 "
                            + inUnit(alreadyShipped, perUnit) + shipped.unit().chineseName() + "，最多还能销售 " + available
                            + shipped.unit().chineseName() + "。请核对数量，或先记录采收。",
                    Map.of(
                            "harvested", inUnit(harvested, perUnit),
                            "shipped", inUnit(alreadyShipped, perUnit),
                            "available", available,
                            "unit", shipped.unit().name()));
        }
    }

    private static BigDecimal total(List<ArchiveEntry> effective, EventType type, Quantity like) {
        return effective.stream()
                .filter(e -> e.type() == type)
                .map(ArchiveRules::quantityOf)
                .filter(quantity -> quantity.comparableWith(like.unit()))
                .map(Quantity::inBaseMeasure)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static Quantity quantityOf(ArchiveEntry entry) {
        if (entry.details() instanceof EventDetails.Harvest harvest) {
            return harvest.quantity();
        }
        if (entry.details() instanceof EventDetails.Receipt receipt) {
            return receipt.quantity();
        }
        if (entry.details() instanceof EventDetails.Shipment shipment) {
            return shipment.quantity();
        }
        throw new IllegalStateException("No quantity on " + entry.type());
    }

    private static String inUnit(BigDecimal baseMeasure, BigDecimal perUnit) {
        return baseMeasure
                .divide(perUnit, 3, java.math.RoundingMode.DOWN)
                .stripTrailingZeros()
                .toPlainString();
    }
}
