package org.suyuan.verification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.suyuan.code.LabelService;

/**
 * What a scanned code shows a consumer: where the food comes from, how it was grown, and whether the record is
 * intact. The public page and {@code GET /api/v1/trace/{code}} show exactly this. Personal data appears masked.
 *
 * @param code the scanned code
 * @param product what the goods are; a receipt by a trader, market or supermarket never changes it
 * @param producer who grew the goods (for goods received from another organization, the producer of origin)
 * @param seller the organization whose code was scanned, when it did not grow the goods itself (a trader, market
 *     or supermarket that received them on Suyuan); null when the producer's own code was scanned
 * @param plot where the goods were grown (产地)
 * @param itemNumber the item's number within its batch for a per-item serial (一物一码), null for a batch code
 * @param timeline production steps in the order they happened, corrections applied
 * @param certificateUrl where the 承诺达标合格证 is (PDF), or null when the batch's archive does not allow one
 * @param certificate the same certificate in words, for phones that cannot open a PDF (WeChat on Android); null
 *     exactly when {@code certificateUrl} is
 * @param rapidTestFailures rapid tests of inspection stations the batch failed, newest first
 */
public record Trace(
        String code,
        Integer itemNumber,
        Status status,
        Verification verification,
        Product product,
        String batchNumber,
        Producer producer,
        Producer seller,
        Place plot,
        List<Step> timeline,
        String certificateUrl,
        LabelService.CertificateSummary certificate,
        List<Photo> photos,
        List<RapidTestFailure> rapidTestFailures,
        Scans scans) {

    public Trace {
        timeline = List.copyOf(timeline);
        photos = List.copyOf(photos);
        rapidTestFailures = List.copyOf(rapidTestFailures);
    }

    /**
     * A rapid test of a township inspection station that this batch failed: the page warns of it above everything
     * but the verdict, whatever the producer recorded.
     *
     * @param reading the reading and the limit in words, e.g. 抑制率 62.5%（判定限 50%）
     */
    public record RapidTestFailure(
            LocalDate testedOn, String station, String item, String method, String reading, int sequenceNumber) {}

    /** The verdict, most serious first: the page shows the first that applies. */
    public enum Status {
        /** The label was taken out of use (lost or stolen labels). */
        DISABLED,
        /** The batch was recalled: do not eat it. */
        RECALLED,
        /** The stored record does not match its hashes or its anchor. */
        TAMPERED,
        /** This serial was scanned more often, or in more places, than one item can be: maybe a copied label. */
        SUSPICIOUS,
        /** Intact, but its latest records are not anchored on the ledger yet. */
        PENDING,
        /** Intact, and anchored on the ledger. */
        VERIFIED
    }

    public record Product(String name, String variety, String category, String gtin) {}

    /** The producer, with the phone number masked (e.g. 138****5678). */
    public record Producer(String name, String type, String region, String phone) {}

    public record Place(String name, String region) {}

    /**
     * One production step in plain words.
     *
     * @param date when it was done; null for an entry that is gone or no longer reads
     * @param type the kind of step; null for an entry that is gone or no longer reads
     * @param facts what was done, each as a label and a value
     * @param sequenceNumber the entry's number in the batch's archive, as findings name it ("第 3 条")
     * @param finding what the integrity check found wrong with this entry, or null when nothing
     */
    public record Step(
            LocalDate date, String type, String title, List<Fact> facts, int sequenceNumber, Finding.Kind finding) {

        public Step {
            facts = List.copyOf(facts);
        }
    }

    public record Fact(String label, String value) {}

    public record Photo(String url, String name) {}

    /** How often this code was scanned (this scan included) and when first. */
    public record Scans(long count, Instant firstScannedAt) {}

    /**
     * The details behind the verdict; fields that do not apply are null.
     *
     * @param anchored the ledger's record of the root that covers the batch's latest anchored event
     * @param pendingSince when the oldest record not yet anchored was saved
     * @param findings what does not match (TAMPERED)
     * @param recall why and since when the batch was recalled, and what to do
     * @param suspicious how often and from how many networks the serial was scanned in the window
     * @param disabled why and since when the code is out of use
     * @param ledgerUnavailable the ledger could not be asked just now, so anchoring could not be confirmed
     */
    public record Verification(
            Anchored anchored,
            Instant pendingSince,
            List<Finding> findings,
            Recall recall,
            Suspicious suspicious,
            Disabled disabled,
            boolean ledgerUnavailable) {

        public Verification {
            findings = List.copyOf(findings);
        }
    }

    public record Anchored(
            String ledger, String root, String transactionId, long blockNumber, Instant anchoredAt, int events) {}

    public record Recall(String reason, String instructions, LocalDate since) {}

    public record Suspicious(long scans, long networks, String window) {}

    public record Disabled(String reason, Instant since) {}
}
