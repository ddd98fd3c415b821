package org.suyuan.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.suyuan.ledger.RecordHash;
import org.suyuan.ledger.proof.CanonicalJson;
import org.suyuan.ledger.proof.HashChain;

/**
 * The chain check on small chains hashed for real ({@link HashChain} over canonical JSON): what an edit, a deletion
 * and a reordering of stored events look like, told apart.
 */
class ChainCheckTests {

    @Test
    void anIntactChainHasNoFindings() {
        List<ChainCheck.StoredEvent> chain = chainOf("建档", "定植", "滴灌", "采收");

        assertThat(ChainCheck.check(chain)).isEmpty();
    }

    @Test
    void anEditedEventIsChangedAtItsNumber() {
        List<ChainCheck.StoredEvent> chain = new ArrayList<>(chainOf("建档", "定植", "滴灌", "采收"));
        ChainCheck.StoredEvent original = chain.get(1);
        chain.set(
                1,
                new ChainCheck.StoredEvent(
                        original.sequenceNumber(),
                        original.previousHash(),
                        original.eventHash(),
                        number -> document(number, "露地直播")));

        assertThat(ChainCheck.check(chain))
                .extracting(Finding::kind, Finding::sequenceNumber)
                .containsExactly(tuple(Finding.Kind.CHANGED, 2));
    }

    @Test
    void aDeletedMiddleEventIsMissing() {
        List<ChainCheck.StoredEvent> chain = new ArrayList<>(chainOf("建档", "定植", "滴灌", "采收"));
        chain.remove(1);

        assertThat(ChainCheck.check(chain))
                .extracting(Finding::kind, Finding::sequenceNumber)
                .containsExactly(tuple(Finding.Kind.MISSING, 2));
    }

    @Test
    void twoEventsWithSwappedNumbersAreReorderedNotChanged() {
        List<ChainCheck.StoredEvent> chain = chainOf("建档", "定植", "滴灌", "采收");
        ChainCheck.StoredEvent second = chain.get(1);
        ChainCheck.StoredEvent third = chain.get(2);
        List<ChainCheck.StoredEvent> swapped = List.of(
                chain.get(0),
                new ChainCheck.StoredEvent(2, third.previousHash(), third.eventHash(), third.documentAt()),
                new ChainCheck.StoredEvent(3, second.previousHash(), second.eventHash(), second.documentAt()),
                chain.get(3));

        assertThat(ChainCheck.check(swapped))
                .extracting(Finding::kind, Finding::sequenceNumber)
                .containsExactly(tuple(Finding.Kind.REORDERED, 2), tuple(Finding.Kind.REORDERED, 3));
    }

    @Test
    void anEventWhoseDocumentCannotBeRebuiltIsChanged() {
        List<ChainCheck.StoredEvent> chain = new ArrayList<>(chainOf("建档", "定植", "滴灌"));
        ChainCheck.StoredEvent original = chain.get(2);
        chain.set(
                2,
                new ChainCheck.StoredEvent(
                        original.sequenceNumber(), original.previousHash(), original.eventHash(), number -> null));

        assertThat(ChainCheck.check(chain))
                .extracting(Finding::kind, Finding::sequenceNumber)
                .containsExactly(tuple(Finding.Kind.CHANGED, 3));
    }

    /** Events numbered from 1, each chained to the one before as the archive chains them. */
    private static List<ChainCheck.StoredEvent> chainOf(String... steps) {
        List<ChainCheck.StoredEvent> chain = new ArrayList<>();
        RecordHash previous = ChainCheck.GENESIS;
        for (int index = 0; index < steps.length; index++) {
            int number = index + 1;
            String step = steps[index];
            RecordHash hash = HashChain.link(previous, document(number, step));
            chain.add(new ChainCheck.StoredEvent(number, previous, hash, at -> document(at, step)));
            previous = hash;
        }
        return chain;
    }

    /** A small event document in canonical JSON; like the real one, it carries its number in the batch. */
    private static String document(int sequence, String step) {
        return CanonicalJson.canonicalize("{\"sequence\":" + sequence + ",\"step\":\"" + step + "\",\"batch\":7}");
    }
}
