package org.suyuan.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Test;
import org.suyuan.ledger.LedgerException;
import org.suyuan.ledger.RecordHash;

class GatewayErrorsTests {

    private static final RecordHash ROOT = AnchorRequests.rootOf("window 1");

    private final GatewayErrors errors = new GatewayErrors();

    @Test
    void treatsAnUnreachableOrSlowPeerAsUnavailableKeepingTheTransactionId() {
        LedgerException unreachable = errors.translate(
                new SubmitException(
                        "tx1", Status.UNAVAILABLE.withDescription("down").asRuntimeException()),
                ROOT);
        LedgerException slow =
                errors.translate(new CommitStatusException("tx2", Status.DEADLINE_EXCEEDED.asRuntimeException()), ROOT);

        assertThat(unreachable.reason()).isEqualTo(LedgerException.Reason.UNAVAILABLE);
        assertThat(unreachable.transactionId()).contains("tx1");
        assertThat(unreachable.getMessage()).contains("submission of transaction tx1", "down");
        assertThat(slow.reason()).isEqualTo(LedgerException.Reason.UNAVAILABLE);
        assertThat(slow.transactionId()).contains("tx2");
    }

    @Test
    void recognisesTheContractsConflictInThePeersErrorDetails() {
        LedgerException conflict = errors.translate(
                new EndorseException(
                        "tx1",
                        withDetail(
                                Status.Code.ABORTED,
                                "failed to endorse transaction, see attached details for more info",
                                "chaincode response 500, ANCHOR_CONFLICT: root is already anchored")),
                ROOT);

        assertThat(conflict.reason()).isEqualTo(LedgerException.Reason.CONFLICT);
        assertThat(conflict.transactionId()).contains("tx1");
        assertThat(conflict.getMessage()).contains("chaincode response 500, ANCHOR_CONFLICT: root is already anchored");
    }

    @Test
    void rejectsWhatTheContractRefuses() {
        LedgerException rejected = errors.translate(
                new EndorseException(
                        "tx1",
                        withDetail(
                                Status.Code.ABORTED,
                                "failed to endorse transaction, see attached details for more info",
                                "chaincode response 500, INVALID_ANCHOR: leafCount must be at least 1")),
                ROOT);

        assertThat(rejected.reason()).isEqualTo(LedgerException.Reason.REJECTED);
        assertThat(rejected.retryable()).isFalse();
        assertThat(rejected.getMessage()).contains("INVALID_ANCHOR");
    }

    @Test
    void rejectsEndorsementsThatDisagree() {
        LedgerException rejected = errors.translate(
                new EndorseException(
                        "tx1",
                        withDetail(
                                Status.Code.ABORTED,
                                "failed to assemble transaction: ProposalResponsePayloads do not match",
                                "")),
                ROOT);

        assertThat(rejected.reason()).isEqualTo(LedgerException.Reason.REJECTED);
    }

    // The messages below are what a real Fabric 2.4 network answered (RealFabricNetworkTests).

    @Test
    void treatsAnOrganisationsStoppedContractAsAnOutage() {
        LedgerException outage = errors.translate(
                new EndorseException(
                        "tx1",
                        withDetail(
                                Status.Code.ABORTED,
                                "failed to collect enough transaction endorsements, see attached details for more info",
                                "error in simulation: failed to execute transaction tx1: could not launch chaincode"
                                        + " suyuan_1.0:3358: connection to suyuan_1.0:3358 failed: error creating grpc"
                                        + " connection to 127.0.0.1:29129: connect: connection refused")),
                ROOT);

        assertThat(outage.reason()).isEqualTo(LedgerException.Reason.UNAVAILABLE);
        assertThat(outage.transactionId()).contains("tx1");
    }

    @Test
    void treatsAnOrganisationsStoppedPeerAsAnOutage() {
        LedgerException outage = errors.translate(
                new EndorseException(
                        "tx1",
                        withDetail(
                                Status.Code.ABORTED,
                                "failed to collect enough transaction endorsements, see attached details for more info",
                                "rpc error: code = Unavailable desc = connection error: desc = \"transport: Error while"
                                        + " dialing dial tcp 127.0.0.1:47020: connect: connection refused\"")),
                ROOT);

        assertThat(outage.reason()).isEqualTo(LedgerException.Reason.UNAVAILABLE);
    }

    @Test
    void treatsTooFewLivePeersForThePolicyAsAnOutage() {
        LedgerException outage = errors.translate(
                new EndorseException(
                        "tx1",
                        Status.FAILED_PRECONDITION
                                .withDescription("no combination of peers can be derived which satisfy the endorsement"
                                        + " policy: no peer combination can satisfy the endorsement policy")
                                .asRuntimeException()),
                ROOT);

        assertThat(outage.reason()).isEqualTo(LedgerException.Reason.UNAVAILABLE);
    }

    @Test
    void treatsAContractThatDiedMidCallAsAnOutage() {
        LedgerException outage = errors.translate(
                new EndorseException(
                        "tx1",
                        withDetail(
                                Status.Code.ABORTED,
                                "failed to endorse transaction, see attached details for more info",
                                "error in simulation: chaincode stream terminated")),
                ROOT);

        assertThat(outage.reason()).isEqualTo(LedgerException.Reason.UNAVAILABLE);
    }

    @Test
    void recognisesAnUnknownRootInAnEvaluationFailure() {
        GatewayException notFound = new GatewayException(Status.UNKNOWN
                .withDescription("evaluate call to endorser returned error: chaincode response 500, "
                        + "ANCHOR_NOT_FOUND: no anchor for root")
                .asRuntimeException());

        assertThat(errors.isAnchorNotFound(notFound)).isTrue();
        assertThat(errors.isAnchorNotFound(new GatewayException(Status.UNAVAILABLE.asRuntimeException())))
                .isFalse();
    }

    @Test
    void treatsReadConflictsAsConcurrentUpdatesAndOtherInvalidCommitsAsRejected() {
        assertThat(errors.commitFailed("tx1", TxValidationCode.MVCC_READ_CONFLICT, null)
                        .reason())
                .isEqualTo(LedgerException.Reason.CONCURRENT_UPDATE);
        assertThat(errors.commitFailed("tx1", TxValidationCode.PHANTOM_READ_CONFLICT, null)
                        .reason())
                .isEqualTo(LedgerException.Reason.CONCURRENT_UPDATE);
        LedgerException policy = errors.commitFailed("tx1", TxValidationCode.ENDORSEMENT_POLICY_FAILURE, null);
        assertThat(policy.reason()).isEqualTo(LedgerException.Reason.REJECTED);
        assertThat(policy.transactionId()).contains("tx1");
        assertThat(policy.getMessage()).contains("ENDORSEMENT_POLICY_FAILURE");
    }

    private static StatusRuntimeException withDetail(Status.Code code, String message, String detail) {
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(code.value())
                .setMessage(message)
                .addDetails(Any.pack(ErrorDetail.newBuilder()
                        .setAddress("peer0.org1.example.com:7051")
                        .setMspId("Org1MSP")
                        .setMessage(detail)
                        .build()))
                .build());
    }
}
