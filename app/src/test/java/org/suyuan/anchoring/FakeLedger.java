package org.suyuan.anchoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.suyuan.ledger.AnchorReceipt;
import org.suyuan.ledger.AnchorRequest;
import org.suyuan.ledger.Ledger;
import org.suyuan.ledger.LedgerException;
import org.suyuan.ledger.RecordHash;

/**
 * A ledger in a map with the port's semantics (identical replay returns the stored anchor, different content for a
 * root is a conflict) and scripted failures, for the worker's unit tests. The Fabric path is tested against the
 * gateway emulator instead.
 */
final class FakeLedger implements Ledger {

    private final Map<RecordHash, AnchorReceipt> anchors = new HashMap<>();
    private final List<AnchorRequest> requests = new ArrayList<>();
    private final Deque<Fault> faults = new ConcurrentLinkedDeque<>();

    private boolean offline;
    private final Map<RecordHash, LedgerException> failuresByRoot = new HashMap<>();
    private final Object gate = new Object();
    private boolean holding;

    private record Fault(LedgerException failure, boolean afterStoring) {}

    /** Anchoring calls wait (as for a block that takes long) until {@link #releaseAnswers()}; lookups do not. */
    void holdAnswers() {
        synchronized (gate) {
            holding = true;
        }
    }

    void releaseAnswers() {
        synchronized (gate) {
            holding = false;
            gate.notifyAll();
        }
    }

    /** The next anchoring call for this root fails before storing, whenever it comes. */
    synchronized void failOnce(RecordHash root, LedgerException failure) {
        failuresByRoot.put(root, failure);
    }

    /** From now on every call fails as an unreachable network does, lookups included. */
    synchronized void goOffline() {
        offline = true;
    }

    synchronized void comeBackOnline() {
        offline = false;
    }

    private void failIfOffline() {
        if (offline) {
            throw LedgerException.unavailable("the network is unreachable", null, null);
        }
    }

    /** The next call fails before anything is stored. */
    void failNext(LedgerException failure) {
        faults.add(new Fault(failure, false));
    }

    /** The next call stores the anchor and then fails, as a connection lost before the answer does. */
    void storeThenFailNext(LedgerException failure) {
        faults.add(new Fault(failure, true));
    }

    /** Stores an anchor as another party would, bypassing faults. */
    synchronized AnchorReceipt store(AnchorRequest request) {
        return anchors.computeIfAbsent(
                request.root(),
                root -> new AnchorReceipt(
                        request, "tx-" + (anchors.size() + 1), anchors.size() + 1L, Instant.now(), "fake"));
    }

    @Override
    public AnchorReceipt anchor(AnchorRequest request) {
        synchronized (gate) {
            while (holding) {
                try {
                    gate.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw LedgerException.unavailable("interrupted while waiting for the block", null, e);
                }
            }
        }
        return answer(request);
    }

    private synchronized AnchorReceipt answer(AnchorRequest request) {
        requests.add(request);
        failIfOffline();
        LedgerException planned = failuresByRoot.remove(request.root());
        if (planned != null) {
            throw planned;
        }
        Fault fault = faults.poll();
        if (fault != null && !fault.afterStoring()) {
            throw fault.failure();
        }
        AnchorReceipt existing = anchors.get(request.root());
        if (existing != null && !existing.request().equals(request)) {
            throw LedgerException.conflict(request.root(), "stored " + existing.request(), existing.transactionId());
        }
        AnchorReceipt receipt = store(request);
        if (fault != null) {
            throw fault.failure();
        }
        return receipt;
    }

    @Override
    public synchronized Optional<AnchorReceipt> find(RecordHash root) {
        failIfOffline();
        return Optional.ofNullable(anchors.get(root));
    }

    @Override
    public String kind() {
        return "fake";
    }

    synchronized List<AnchorRequest> requests() {
        return List.copyOf(requests);
    }

    synchronized int anchorCount() {
        return anchors.size();
    }
}
