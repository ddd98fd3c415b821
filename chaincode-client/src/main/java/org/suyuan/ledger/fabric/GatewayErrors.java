package org.suyuan.ledger.fabric;

import io.grpc.Status;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hyperledger.fabric.client.CommitException;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.client.TransactionException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.suyuan.ledger.LedgerException;
import org.suyuan.ledger.RecordHash;

/**
 * The one place where Fabric Gateway failures become {@link LedgerException}s.
 *
 * <p>The reason decides what the anchoring worker does next, so it is derived from facts, not from wording: the
 * gRPC status for transport problems, the commit's validation code for ordering races, and the contract's stable
 * error codes ({@code ANCHOR_CONFLICT: ...}), which reach the client only inside the peers' error details
 * ({@code chaincode response 500, ANCHOR_CONFLICT: ...}). The transaction id and the peers' messages are kept so
 * an operator can find the transaction on the ledger.
 *
 * <p>An endorsement the gateway aborts is a refusal only when a contract ran and said no ({@code chaincode
 * response ...}), when the endorsers disagreed, or when access was denied. Otherwise some organisation could not
 * run the contract at all: its peer is down ({@code connection refused}), its contract service is stopped ({@code
 * could not launch chaincode}, {@code chaincode stream terminated}), so the endorsement policy could not be met.
 * Once the gateway's discovery has noticed a peer is gone it says so before trying ({@code FAILED_PRECONDITION: no
 * combination of peers can be derived which satisfy the endorsement policy}). Both are outages of part of the
 * network, and they pass.
 */
final class GatewayErrors {

    /** Error codes the contract puts at the start of its messages (org.suyuan.chaincode.AnchorError). */
    static final String ANCHOR_CONFLICT = "ANCHOR_CONFLICT";

    static final String ANCHOR_NOT_FOUND = "ANCHOR_NOT_FOUND";

    /** Codes after which nothing is known to have happened, so the same request may simply be sent again. */
    private static final Set<Status.Code> TRANSIENT = Set.of(
            Status.Code.UNAVAILABLE,
            Status.Code.DEADLINE_EXCEEDED,
            Status.Code.RESOURCE_EXHAUSTED,
            Status.Code.CANCELLED);

    /**
     * What the peers say when an aborted call is a real refusal: a contract answered with an error, the endorsers'
     * results differ (a non-deterministic contract), or the client may not do this.
     */
    private static final List<String> REFUSALS =
            List.of("chaincode response", "ProposalResponsePayloads do not match", "access denied");

    /** Translates a failed evaluate, endorse, submit or commit-status call. */
    LedgerException translate(GatewayException failure, RecordHash root) {
        String transactionId =
                failure instanceof TransactionException transaction ? transaction.getTransactionId() : null;
        String peerMessages = peerMessages(failure);
        if (peerMessages.contains(ANCHOR_CONFLICT)) {
            return LedgerException.conflict(root, peerMessages, transactionId);
        }
        Status status = failure.getStatus();
        String message =
                "Fabric " + stageOf(failure) + (transactionId == null ? "" : " of transaction " + transactionId)
                        + " failed with " + status.getCode() + ": " + peerMessages;
        if (TRANSIENT.contains(status.getCode()) || isPartialOutage(status.getCode(), peerMessages)) {
            return LedgerException.unavailable(message, transactionId, failure);
        }
        return LedgerException.rejected(message, transactionId, failure);
    }

    /** What the gateway says when discovery finds too few live peers to endorse or evaluate. */
    private static final List<String> TOO_FEW_PEERS = List.of("no combination of peers", "no peers available");

    private static boolean isPartialOutage(Status.Code code, String peerMessages) {
        return switch (code) {
            case ABORTED -> REFUSALS.stream().noneMatch(peerMessages::contains);
            case FAILED_PRECONDITION -> TOO_FEW_PEERS.stream().anyMatch(peerMessages::contains);
            default -> false;
        };
    }

    /** Translates a transaction that was ordered into a block but marked invalid there. */
    LedgerException translate(CommitException failure) {
        return commitFailed(failure.getTransactionId(), failure.getCode(), failure);
    }

    /**
     * Translates an invalid commit status. A read conflict means another transaction changed what this one read
     * (for an anchor: someone stored the same root first), so it is worth re-reading the ledger and retrying;
     * every other validation code means the network refused the transaction.
     */
    LedgerException commitFailed(String transactionId, TxValidationCode code, Throwable cause) {
        String message = "Fabric transaction " + transactionId + " was committed as invalid: " + code;
        if (code == TxValidationCode.MVCC_READ_CONFLICT || code == TxValidationCode.PHANTOM_READ_CONFLICT) {
            return LedgerException.concurrentUpdate(message, transactionId, cause);
        }
        return LedgerException.rejected(message, transactionId, cause);
    }

    /** Whether a failed {@code getAnchor} evaluation only says that the root has never been anchored. */
    boolean isAnchorNotFound(GatewayException failure) {
        return peerMessages(failure).contains(ANCHOR_NOT_FOUND);
    }

    /**
     * The gateway's own description followed by every peer's message. The contract's text is in the details
     * (and, for evaluations, also in the description), never in the exception message alone.
     */
    static String peerMessages(GatewayException failure) {
        String description = failure.getStatus().getDescription();
        List<ErrorDetail> details = failure.getDetails();
        String detailText = details.stream()
                .map(detail -> detail.getMessage() + " (" + detail.getMspId() + " " + detail.getAddress() + ")")
                .collect(Collectors.joining("; "));
        if (description == null || description.isBlank()) {
            return detailText;
        }
        return detailText.isEmpty() ? description : description + "; " + detailText;
    }

    private static String stageOf(GatewayException failure) {
        if (failure instanceof EndorseException) {
            return "endorsement";
        }
        if (failure instanceof SubmitException) {
            return "submission";
        }
        if (failure instanceof CommitStatusException) {
            return "commit status request";
        }
        return "evaluation";
    }
}
