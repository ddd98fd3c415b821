package org.suyuan.exchange;

import java.io.OutputStream;
import java.util.List;
import org.springframework.stereotype.Service;
import org.suyuan.account.CurrentUser;
import org.suyuan.archive.Regions;
import org.suyuan.exchange.BatchFacts.BatchRef;
import org.suyuan.problem.NotFoundException;
import org.suyuan.supervision.Jurisdiction;
import tools.jackson.databind.node.ObjectNode;

/**
 * Who may export what, and the page-by-page loop of the large exports. A producer exports its own batches (another
 * organization's batch answers 404, as everywhere, so ids cannot be probed); a regulator or administrator exports
 * the batches of its jurisdiction, and is told 403 for a batch outside it.
 */
@Service
class ExchangeService {

    private final ExchangeBatches batches;
    private final EpcisDocuments epcis;
    private final Nyt4712Records nyt4712;
    private final Nyt4712Files files;
    private final Regions regions;

    ExchangeService(
            ExchangeBatches batches,
            EpcisDocuments epcis,
            Nyt4712Records nyt4712,
            Nyt4712Files files,
            Regions regions) {
        this.batches = batches;
        this.epcis = epcis;
        this.nyt4712 = nyt4712;
        this.files = files;
        this.regions = regions;
    }

    ObjectNode epcisDocument(CurrentUser user, long batchId) {
        return epcis.document(readable(user, batchId));
    }

    Nyt4712Records.Record nyt4712Record(CurrentUser user, long batchId) {
        return nyt4712.record(readable(user, batchId));
    }

    /** The regulator's jurisdiction, or a region inside it; an unknown region or one outside answers 404. */
    ExchangeBatches.Scope jurisdiction(CurrentUser regulator, String region) {
        Jurisdiction jurisdiction = Jurisdiction.of(regulator);
        if (region == null || region.isBlank()) {
            return new ExchangeBatches.Scope(jurisdiction.prefix(), null);
        }
        if (!jurisdiction.contains(region) || regions.find(region).isEmpty()) {
            throw NotFoundException.region(region);
        }
        return new ExchangeBatches.Scope(Regions.prefixOf(region), null);
    }

    /** The producer's own organization, wherever it is. */
    ExchangeBatches.Scope ownOrganization(CurrentUser producer) {
        return new ExchangeBatches.Scope("", producer.requireOrganization());
    }

    /** Streams every batch of the scope into one EPCIS document and returns how many events it holds. */
    long writeEpcis(ExchangeBatches.Scope scope, OutputStream out) {
        EpcisDocuments.Writer writer = epcis.open(out);
        forEachPage(scope, page -> page.forEach(writer::add));
        return writer.finish();
    }

    /** Streams the NY/T 4712 record of every batch of the scope and returns how many were written. */
    long writeNyt4712(ExchangeBatches.Scope scope, Nyt4712Files.Format format, OutputStream out) {
        long[] written = {0};
        try (Nyt4712Files.Sink sink = files.open(format, out)) {
            forEachPage(
                    scope,
                    page -> page.forEach(facts -> {
                        sink.add(nyt4712.record(facts));
                        written[0]++;
                    }));
        }
        return written[0];
    }

    private void forEachPage(ExchangeBatches.Scope scope, java.util.function.Consumer<List<BatchFacts>> action) {
        long after = 0;
        while (true) {
            List<Long> ids = batches.nextPage(scope, after);
            if (ids.isEmpty()) {
                return;
            }
            action.accept(batches.load(ids));
            after = ids.get(ids.size() - 1);
        }
    }

    private BatchFacts readable(CurrentUser user, long batchId) {
        BatchRef batch = batches.reference(batchId).orElseThrow(() -> NotFoundException.batch(batchId));
        if (user.isRegulator() || user.isAdministrator()) {
            if (!Jurisdiction.of(user).contains(batch.organizationRegionCode())) {
                throw ExchangeException.outsideJurisdiction(batchId);
            }
        } else if (batch.organizationId() != user.requireOrganization()) {
            throw NotFoundException.batch(batchId);
        }
        return batches.load(List.of(batchId)).get(0);
    }
}
