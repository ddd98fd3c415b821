package org.suyuan.anchoring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the anchoring worker batches event hashes into ledger transactions: {@code suyuan.anchoring.*}.
 *
 * <p>A window closes when it holds {@code maxLeaves} leaves or when its oldest leaf has waited {@code maxWindow},
 * whichever comes first; one ledger transaction then anchors its Merkle root. With a maximum of one leaf this is
 * plain per-record anchoring.
 *
 * @param enabled whether this instance runs a worker at all (every instance may: they share the work through a
 *     lease in the database)
 * @param maxLeaves the most leaves one anchor covers; the ledger transaction holds only the root, so this bounds the
 *     work of preparing one anchor (a tree and a proof per leaf), not the ledger's
 * @param maxWindow the longest a leaf waits for its window to close
 * @param maxInFlight how many anchors may be on their way to the ledger at once: the next window is prepared while
 *     earlier ones wait for their block, so that a block time does not limit how often a window is sent
 * @param pollInterval how often an idle worker looks for pending leaves
 * @param leaseDuration how long a worker's claim to be the active one lasts without renewal; the holder renews it
 *     every third of that from a heartbeat (also while it waits for the ledger), and another instance takes over
 *     when the holder has died, at most this long after its last heartbeat
 * @param retry back-off between attempts when the ledger fails in a way that may pass
 */
@Validated
@ConfigurationProperties("suyuan.anchoring")
record AnchoringProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("16384") @Min(1) @Max(1_000_000) int maxLeaves,
        @DefaultValue("1s") @NotNull Duration maxWindow,
        @DefaultValue("4") @Min(1) @Max(64) int maxInFlight,
        @DefaultValue("200ms") @NotNull Duration pollInterval,
        @DefaultValue("15s") @NotNull Duration leaseDuration,
        @Valid @DefaultValue Retry retry) {

    /**
     * @param initialBackoff the wait after the first failure; it doubles with every further failure
     * @param maxBackoff the longest wait between two attempts
     * @param probeInterval how often, while backing off, the worker asks the ledger with a cheap lookup whether it
     *     answers again (and whether it already holds the anchor); an answer ends the back-off at once
     */
    record Retry(
            @DefaultValue("1s") @NotNull Duration initialBackoff,
            @DefaultValue("60s") @NotNull Duration maxBackoff,
            @DefaultValue("1s") @NotNull Duration probeInterval) {}
}
