package org.suyuan.chaincode;

import static java.nio.charset.StandardCharsets.UTF_8;

import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contact;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Default;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.License;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * Stores Merkle-root anchors so that a root, once committed, can be checked by anyone and never replaced.
 *
 * <p>Anchoring is idempotent because the service anchors from an outbox and may resend after a crash without
 * knowing whether its first attempt committed: an identical replay returns the stored anchor and changes nothing,
 * while different content for an anchored root is refused with {@link AnchorError#ANCHOR_CONFLICT}.
 *
 * <p>Anchors are JSON objects with sorted keys: {@code anchoredAt} (the transaction timestamp), {@code leafCount},
 * {@code previousRoot} (or {@code null}), {@code root}, {@code submitter} (the submitting client's MSP id),
 * {@code transactionId}, {@code windowEnd} and {@code windowStart}.
 */
@Contract(
        name = "anchoring",
        info =
                @Info(
                        title = "Suyuan anchors",
                        description = "Merkle roots over agricultural traceability records",
                        version = "1.0.0",
                        license = @License(name = "Apache-2.0"),
                        contact = @Contact(name = "Suyuan")))
@Default
public final class AnchorContract implements ContractInterface {

    /** The name of the one chaincode event emitted when an anchor is first stored (never on a replay). */
    public static final String ANCHOR_RECORDED_EVENT = "AnchorRecorded";

    /** The object type of the composite key {@code anchor/<root>} under which each anchor is stored. */
    public static final String ANCHOR_KEY_TYPE = "anchor";

    /**
     * Anchors a Merkle root.
     *
     * @param root the Merkle root, 64 lower-case hex characters
     * @param leafCount the number of leaves under the root, at least 1
     * @param previousRoot the root anchored before this one, or empty for the first anchor of the chain
     * @param windowStart when the first leaf was written, as an ISO-8601 instant
     * @param windowEnd when the last leaf was written, as an ISO-8601 instant not before {@code windowStart}
     * @return the stored anchor as JSON; on a replay, the anchor stored by the first transaction, unchanged
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String anchor(
            Context ctx, String root, long leafCount, String previousRoot, String windowStart, String windowEnd) {
        AnchorContent content = AnchorContent.fromArguments(root, leafCount, previousRoot, windowStart, windowEnd);
        ChaincodeStub stub = ctx.getStub();
        String key = keyOf(stub, content.root());
        byte[] existing = stub.getState(key);
        if (existing != null && existing.length > 0) {
            String storedJson = new String(existing, UTF_8);
            AnchorContent stored = Anchor.fromJson(storedJson).content();
            if (stored.equals(content)) {
                return storedJson;
            }
            throw AnchorError.ANCHOR_CONFLICT.exception("root " + root + " is already anchored with different content");
        }
        Anchor anchor = new Anchor(content, ctx.getClientIdentity().getMSPID(), stub.getTxId(), stub.getTxTimestamp());
        byte[] json = anchor.toJson().getBytes(UTF_8);
        stub.putState(key, json);
        stub.setEvent(ANCHOR_RECORDED_EVENT, json);
        return anchor.toJson();
    }

    /**
     * Looks up the anchor of a root.
     *
     * @param root the Merkle root, 64 lower-case hex characters
     * @return the stored anchor as JSON
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String getAnchor(Context ctx, String root) {
        ChaincodeStub stub = ctx.getStub();
        byte[] stored = stub.getState(keyOf(stub, AnchorContent.requireRoot(root)));
        if (stored == null || stored.length == 0) {
            throw AnchorError.ANCHOR_NOT_FOUND.exception("no anchor for root " + root);
        }
        return new String(stored, UTF_8);
    }

    private static String keyOf(ChaincodeStub stub, String root) {
        return stub.createCompositeKey(ANCHOR_KEY_TYPE, root).toString();
    }
}
