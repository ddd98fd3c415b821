package org.suyuan.exchange;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.suyuan.archive.ArchiveEntry;
import org.suyuan.archive.BatchService;
import org.suyuan.archive.EventDetails;
import org.suyuan.db.archive.Batch;
import org.suyuan.db.archive.BatchEvent;
import org.suyuan.db.archive.BatchEventRepository;
import org.suyuan.db.archive.BatchLink;
import org.suyuan.db.archive.BatchLinkRepository;
import org.suyuan.db.archive.BatchRepository;
import org.suyuan.db.archive.Organization;
import org.suyuan.db.archive.OrganizationRepository;
import org.suyuan.db.archive.Plot;
import org.suyuan.db.archive.PlotRepository;
import org.suyuan.db.archive.Product;
import org.suyuan.db.archive.ProductRepository;
import org.suyuan.db.code.CodeKind;
import org.suyuan.db.code.IssuedCode;
import org.suyuan.db.code.IssuedCodeRepository;
import org.suyuan.exchange.BatchFacts.BatchRef;

/**
 * Reads batches for export a page at a time, through the archive's repositories and {@link BatchService}: a few
 * queries per page whatever its size, each page in a short read-only transaction. Exports write between pages,
 * holding no connection while a slow client reads, so a large export needs one page of memory and one connection.
 */
@Component
class ExchangeBatches {

    /** Batches per page: a page's archives, links and neighbours stay well under a megabyte of heap. */
    static final int PAGE_SIZE = 100;

    private final BatchRepository batches;
    private final BatchEventRepository events;
    private final BatchLinkRepository links;
    private final OrganizationRepository organizations;
    private final ProductRepository products;
    private final PlotRepository plots;
    private final IssuedCodeRepository codes;
    private final BatchService batchService;
    private final JdbcTemplate jdbc;

    ExchangeBatches(
            BatchRepository batches,
            BatchEventRepository events,
            BatchLinkRepository links,
            OrganizationRepository organizations,
            ProductRepository products,
            PlotRepository plots,
            IssuedCodeRepository codes,
            BatchService batchService,
            DataSource dataSource) {
        this.batches = batches;
        this.events = events;
        this.links = links;
        this.organizations = organizations;
        this.products = products;
        this.plots = plots;
        this.codes = codes;
        this.batchService = batchService;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Which batches an export covers: a region (always), optionally one organization. */
    record Scope(String regionPrefix, Long organizationId) {}

    /** The next page of batch ids in the scope after {@code afterId}, in id order (keyset paging). */
    List<Long> nextPage(Scope scope, long afterId) {
        StringBuilder sql = new StringBuilder("select b.id from batch b join organization o on o.id = b.organization_id"
                + " where o.region_code like ? and b.id > ?");
        List<Object> parameters = new ArrayList<>(List.of(scope.regionPrefix() + "%", afterId));
        if (scope.organizationId() != null) {
            sql.append(" and o.id = ?");
            parameters.add(scope.organizationId());
        }
        sql.append(" order by b.id limit ").append(PAGE_SIZE);
        return jdbc.queryForList(sql.toString(), Long.class, parameters.toArray());
    }

    /** Who holds a batch, for the access check of a single batch; empty if there is no such batch. */
    @Transactional(readOnly = true)
    /** The organization's GS1 GLN, if it has one. */
    java.util.Optional<String> glnOf(long organizationId) {
        return organizations.findById(organizationId).map(org.suyuan.db.archive.Organization::getGln);
    }

    java.util.Optional<BatchRef> reference(long batchId) {
        return batches.findById(batchId).map(batch -> references(List.of(batch)).get(batchId));
    }

    /** The facts of these batches, in the order given. */
    @Transactional(readOnly = true)
    List<BatchFacts> load(List<Long> batchIds) {
        if (batchIds.isEmpty()) {
            return List.of();
        }
        List<Batch> page = batches.findAllById(batchIds);
        Map<Long, BatchRef> refs = new HashMap<>(references(page));
        Map<Long, Plot> plotsById = byId(plots.findAllById(ids(page, Batch::getPlotId)), Plot::getId);
        Map<Long, List<ArchiveEntry>> histories = new HashMap<>();
        events.findAllByBatchIdIn(batchIds).stream()
                .sorted(Comparator.comparing(BatchEvent::getBatchId).thenComparing(BatchEvent::getSequenceNumber))
                .forEach(event -> histories
                        .computeIfAbsent(event.getBatchId(), id -> new ArrayList<>())
                        .add(batchService.entryOfStored(event)));
        Map<Long, List<BatchLink>> incoming = new HashMap<>();
        links.findAllByTargetBatchIdInOrderById(batchIds)
                .forEach(link -> incoming.computeIfAbsent(link.getTargetBatchId(), id -> new ArrayList<>())
                        .add(link));
        Map<Long, List<BatchLink>> outgoing = new HashMap<>();
        links.findAllBySourceBatchIdInOrderById(batchIds)
                .forEach(link -> outgoing.computeIfAbsent(link.getSourceBatchId(), id -> new ArrayList<>())
                        .add(link));

        Set<Long> neighbours = new HashSet<>();
        incoming.values().forEach(list -> list.forEach(link -> neighbours.add(link.getSourceBatchId())));
        outgoing.values()
                .forEach(list -> list.forEach(link -> {
                    if (link.getTargetBatchId() != null) {
                        neighbours.add(link.getTargetBatchId());
                    }
                }));
        histories
                .values()
                .forEach(history -> history.forEach(entry -> {
                    if (entry.details() instanceof EventDetails.Created created && created.source() != null) {
                        neighbours.add(created.source().batchId());
                    }
                }));
        neighbours.removeAll(refs.keySet());
        if (!neighbours.isEmpty()) {
            refs.putAll(references(batches.findAllById(neighbours)));
        }

        Set<Long> parties = new HashSet<>();
        refs.values().forEach(ref -> parties.add(ref.organizationId()));
        histories
                .values()
                .forEach(history -> history.forEach(entry -> {
                    if (entry.details() instanceof EventDetails.Shipment shipment
                            && shipment.buyerOrganizationId() != null) {
                        parties.add(shipment.buyerOrganizationId());
                    } else if (entry.details() instanceof EventDetails.Receipt receipt
                            && receipt.source() != null
                            && receipt.source().organizationId() != null) {
                        parties.add(receipt.source().organizationId());
                    }
                }));
        Map<Long, String> glns = new HashMap<>();
        organizations.findAllById(parties).forEach(organization -> {
            if (organization.getGln() != null) {
                glns.put(organization.getId(), organization.getGln());
            }
        });

        Map<Long, Batch> pageById = byId(page, Batch::getId);
        List<BatchFacts> facts = new ArrayList<>(batchIds.size());
        for (Long id : batchIds) {
            Batch batch = pageById.get(id);
            if (batch == null) {
                continue;
            }
            Plot plot = plotsById.get(batch.getPlotId());
            List<BatchLink> in = incoming.getOrDefault(id, List.of());
            List<BatchLink> out = outgoing.getOrDefault(id, List.of());
            Map<Long, BatchRef> related = new LinkedHashMap<>();
            in.forEach(link -> putRef(related, refs, link.getSourceBatchId()));
            out.forEach(link -> putRef(related, refs, link.getTargetBatchId()));
            List<ArchiveEntry> history = histories.getOrDefault(id, List.of());
            history.forEach(entry -> {
                if (entry.details() instanceof EventDetails.Created created && created.source() != null) {
                    putRef(related, refs, created.source().batchId());
                }
            });
            facts.add(new BatchFacts(
                    refs.get(id),
                    plot == null ? null : plot.getName(),
                    batch.getPlotId(),
                    plot == null ? null : plot.getRegionCode(),
                    plot == null ? null : plot.getAddress(),
                    history,
                    in,
                    out,
                    related,
                    glns));
        }
        return facts;
    }

    private static void putRef(Map<Long, BatchRef> related, Map<Long, BatchRef> refs, Long batchId) {
        if (batchId != null && refs.containsKey(batchId)) {
            related.put(batchId, refs.get(batchId));
        }
    }

    private Map<Long, BatchRef> references(Collection<Batch> found) {
        Map<Long, Organization> organizationsById =
                byId(organizations.findAllById(ids(found, Batch::getOrganizationId)), Organization::getId);
        Map<Long, Product> productsById = byId(products.findAllById(ids(found, Batch::getProductId)), Product::getId);
        Map<Long, String> traceCodes =
                codes.findAllByBatchIdInAndKind(found.stream().map(Batch::getId).toList(), CodeKind.BATCH).stream()
                        .collect(Collectors.toMap(
                                IssuedCode::getBatchId, IssuedCode::getCode, (first, second) -> first));
        Map<Long, BatchRef> refs = new HashMap<>();
        for (Batch batch : found) {
            Organization organization = organizationsById.get(batch.getOrganizationId());
            Product product = productsById.get(batch.getProductId());
            refs.put(
                    batch.getId(),
                    new BatchRef(
                            batch.getId(),
                            batch.getBatchNumber(),
                            batch.getOrganizationId(),
                            organization.getName(),
                            organization.getType().name(),
                            organization.getCreditCode() != null
                                    ? organization.getCreditCode()
                                    : organization.getIdCardMasked(),
                            organization.getRegionCode(),
                            organization.getAddress(),
                            product.getName(),
                            product.getCategory().name(),
                            product.getVariety(),
                            product.getGtin(),
                            traceCodes.get(batch.getId())));
        }
        return refs;
    }

    private static <T> Set<Long> ids(Collection<T> items, Function<T, Long> id) {
        return items.stream().map(id).collect(Collectors.toSet());
    }

    private static <T> Map<Long, T> byId(Collection<T> items, Function<T, Long> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
