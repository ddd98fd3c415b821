package org.suyuan.ledger.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suyuan.ledger.proof.BundleFixtures.bundle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.suyuan.ledger.RecordHash;

class BundleVerifierTests {

    @Test
    void verifiesABundleWhoseLatestEventIsAnchored() {
        BundleVerifier.Result result = BundleVerifier.verify(bundle(4, 4));

        assertThat(result.status()).isEqualTo(BundleVerifier.Status.VERIFIED);
        assertThat(result.anchoredEvents()).isEqualTo(4);
    }

    @Test
    void reportsEventsAfterTheAnchorAsPending() {
        assertThat(BundleVerifier.verify(bundle(4, 2))).satisfies(r -> {
            assertThat(r.status()).isEqualTo(BundleVerifier.Status.PENDING);
            assertThat(r.anchoredEvents()).isEqualTo(2);
        });
        assertThat(BundleVerifier.verify(bundle(3, 0)).status()).isEqualTo(BundleVerifier.Status.PENDING);
    }

    @Test
    void survivesTheJsonRoundTrip() {
        ProofBundle original = bundle(5, 5);

        ProofBundle read = ProofBundle.fromJson(original.toJson());

        assertThat(read).isEqualTo(original);
        assertThat(BundleVerifier.verify(read).status()).isEqualTo(BundleVerifier.Status.VERIFIED);
    }

    @Test
    void everyChangedCharacterOfAnEventIsCaught() {
        ProofBundle bundle = bundle(3, 3);
        String canonical = bundle.events().get(1).canonicalJson();
        for (int i = 0; i < canonical.length(); i++) {
            char changed = canonical.charAt(i) == '1' ? '2' : '1';
            String edited = canonical.substring(0, i) + changed + canonical.substring(i + 1);
            List<ProofBundle.Event> events = new ArrayList<>(bundle.events());
            ProofBundle.Event original = events.get(1);
            events.set(1, new ProofBundle.Event(edited, original.previousHash(), original.eventHash()));

            assertThat(BundleVerifier.verify(new ProofBundle(bundle.subject(), events, bundle.anchor()))
                            .status())
                    .as("edit at %d", i)
                    .isEqualTo(BundleVerifier.Status.TAMPERED);
        }
    }

    @Test
    void catchesADeletedOrReorderedEventEvenWithRecomputedHashes() {
        ProofBundle bundle = bundle(4, 4);
        List<ProofBundle.Event> withoutSecond = new ArrayList<>(bundle.events());
        withoutSecond.remove(1);
        List<ProofBundle.Event> swapped = new ArrayList<>(bundle.events());
        Collections.swap(swapped, 1, 2);

        assertThat(BundleVerifier.verify(new ProofBundle(bundle.subject(), withoutSecond, null))
                        .problems())
                .isNotEmpty();
        assertThat(BundleVerifier.verify(new ProofBundle(bundle.subject(), swapped, bundle.anchor()))
                        .status())
                .isEqualTo(BundleVerifier.Status.TAMPERED);
    }

    @Test
    void refusesAProofForATreeOfAnotherSizeThanTheLedgerRecorded() {
        ProofBundle bundle = bundle(2, 2);
        ProofBundle.Anchor anchor = bundle.anchor();
        ProofBundle.Anchor wrongSize = new ProofBundle.Anchor(
                anchor.eventIndex(),
                anchor.proof(),
                anchor.root(),
                new ProofBundle.LedgerReference(
                        "fabric",
                        "f00d",
                        12,
                        anchor.ledger().anchoredAt(),
                        anchor.ledger().leafCount() + 1));

        assertThat(BundleVerifier.verify(new ProofBundle(bundle.subject(), bundle.events(), wrongSize))
                        .status())
                .isEqualTo(BundleVerifier.Status.TAMPERED);
    }

    @Test
    void refusesAnAnchorWhoseRootDoesNotContainTheEvent() {
        ProofBundle bundle = bundle(2, 2);
        ProofBundle.Anchor anchor = bundle.anchor();
        ProofBundle.Anchor otherRoot = new ProofBundle.Anchor(
                anchor.eventIndex(), anchor.proof(), RecordHash.sha256(new byte[] {1}), anchor.ledger());

        assertThat(BundleVerifier.verify(new ProofBundle(bundle.subject(), bundle.events(), otherRoot))
                        .problems())
                .singleElement()
                .asString()
                .contains("inclusion proof fails");
    }
}
