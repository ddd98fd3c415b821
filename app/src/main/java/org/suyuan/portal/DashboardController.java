package org.suyuan.portal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.suyuan.account.CurrentUser;
import org.suyuan.archive.BatchService;
import org.suyuan.archive.SupplyChainService;
import org.suyuan.db.archive.Batch;
import org.suyuan.db.archive.Plot;
import org.suyuan.db.archive.Product;
import org.suyuan.db.archive.RefusedAttempt;
import org.suyuan.supervision.SupervisionService;
import org.suyuan.web.PageController;

/** The producer's start page: my batches, what needs attention, what the rules refused. */
@PageController
class DashboardController {

    private static final int PAGE_SIZE = 20;
    /** How many recent batches are searched for safety intervals about to end. */
    private static final int ATTENTION_SCAN = 100;

    /** How many of the bureau's latest notices the dashboard shows. */
    private static final int NOTICES = 5;

    private final BatchService batches;
    private final SupplyChainService supplyChain;
    private final SupervisionService supervision;
    private final BatchViews views;
    private final PortalMessages messages;
    private final Today today;

    DashboardController(
            BatchService batches,
            SupplyChainService supplyChain,
            SupervisionService supervision,
            BatchViews views,
            PortalMessages messages,
            Today today) {
        this.batches = batches;
        this.supplyChain = supplyChain;
        this.supervision = supervision;
        this.views = views;
        this.messages = messages;
        this.today = today;
    }

    /** A row of the batch list. */
    record BatchRow(BatchViews.Overview overview, String productName, String plotName, LocalDate harvestAllowedFrom) {}

    /** Something the producer should look at, with where to go. */
    record Attention(String level, String message, String link) {}

    /** A refused attempt, in local time. */
    record Refusal(Long batchId, String batchNumber, String rule, String attemptedAt, String message) {}

    @GetMapping({"/portal", "/portal/"})
    String dashboard(CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
        Long organizationId = user.requireOrganization();
        LocalDate day = today.date();
        Map<Long, Product> products = views.products(organizationId);
        Map<Long, Plot> plots = views.plots(organizationId);

        Page<Batch> listed = batches.batches(
                organizationId, PageRequest.of(Math.max(page, 0), PAGE_SIZE, Sort.by(Sort.Direction.DESC, "id")));
        List<Batch> recent = batches.batches(
                        organizationId, PageRequest.of(0, ATTENTION_SCAN, Sort.by(Sort.Direction.DESC, "id")))
                .getContent();
        // One overview per batch per request: the list's page and the attention scan overlap.
        Map<Long, BatchViews.Overview> overviews = new java.util.HashMap<>();
        java.util.function.Function<Batch, BatchViews.Overview> overview =
                batch -> overviews.computeIfAbsent(batch.getId(), id -> views.overview(batch, products, plots));
        List<BatchRow> rows =
                listed.stream().map(batch -> row(overview.apply(batch), day)).toList();

        List<Attention> attention = new ArrayList<>();
        supervision.noticesFor(user).stream()
                .limit(NOTICES)
                .forEach(notice -> attention.add(new Attention(
                        "error",
                        messages.get(
                                "dashboard.attention.notice", today.local(notice.getCreatedAt()), notice.getMessage()),
                        notice.getBatchId() == null ? "/portal" : "/portal/batches/" + notice.getBatchId())));
        var receipts = supplyChain.pendingReceipts(organizationId);
        if (!receipts.isEmpty()) {
            attention.add(new Attention(
                    "info", messages.get("dashboard.attention.receipts", receipts.size()), "/portal/receipts"));
        }
        Map<Long, String> numbers = new java.util.HashMap<>();
        recent.forEach(batch -> numbers.put(batch.getId(), batch.getBatchNumber()));
        recent.stream()
                .filter(batch -> batch.getStatus().mayStillBeHarvested())
                .map(overview)
                .filter(candidate -> candidate.harvestBlocked(day))
                .forEach(blocked -> {
                    var interval = blocked.safetyInterval();
                    long days = ChronoUnit.DAYS.between(day, interval.harvestAllowedFrom());
                    String key =
                            days <= 2 ? "dashboard.attention.intervalEnding" : "dashboard.attention.intervalRunning";
                    attention.add(new Attention(
                            days <= 2 ? "warning" : "info",
                            messages.get(
                                    key,
                                    blocked.batch().getBatchNumber(),
                                    interval.details().productName(),
                                    interval.harvestAllowedFrom().toString(),
                                    days),
                            "/portal/batches/" + blocked.batch().getId()));
                });

        Page<RefusedAttempt> refused =
                batches.refusedAttempts(organizationId, PageRequest.of(0, 5, Sort.by(Sort.Direction.DESC, "id")));

        model.addAttribute("rows", rows);
        model.addAttribute("page", listed);
        model.addAttribute("attention", attention);
        model.addAttribute(
                "refused",
                refused.stream()
                        .map(attempt -> new Refusal(
                                attempt.getBatchId(),
                                numbers.getOrDefault(attempt.getBatchId(), "#" + attempt.getBatchId()),
                                attempt.getRule(),
                                today.local(attempt.getAttemptedAt()),
                                attempt.getMessage()))
                        .toList());
        model.addAttribute("refusedTotal", refused.getTotalElements());
        model.addAttribute("today", day);
        model.addAttribute("user", user);
        return "portal/dashboard";
    }

    private static BatchRow row(BatchViews.Overview overview, LocalDate day) {
        return new BatchRow(
                overview,
                overview.product().getName() + "（" + overview.product().getVariety() + "）",
                overview.originProducer() == null
                        ? overview.plot().getName()
                        : overview.plot().getName() + "（"
                                + overview.originProducer().getName() + "）",
                overview.harvestBlocked(day) ? overview.safetyInterval().harvestAllowedFrom() : null);
    }
}
