package org.suyuan.ledger.fabric;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.gateway.ChaincodeEventsRequest;
import org.hyperledger.fabric.protos.gateway.ChaincodeEventsResponse;
import org.hyperledger.fabric.protos.gateway.CommitStatusRequest;
import org.hyperledger.fabric.protos.gateway.CommitStatusResponse;
import org.hyperledger.fabric.protos.gateway.EndorseRequest;
import org.hyperledger.fabric.protos.gateway.EndorseResponse;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.hyperledger.fabric.protos.gateway.EvaluateRequest;
import org.hyperledger.fabric.protos.gateway.EvaluateResponse;
import org.hyperledger.fabric.protos.gateway.GatewayGrpc;
import org.hyperledger.fabric.protos.gateway.SignedChaincodeEventsRequest;
import org.hyperledger.fabric.protos.gateway.SignedCommitStatusRequest;
import org.hyperledger.fabric.protos.gateway.SubmitRequest;
import org.hyperledger.fabric.protos.gateway.SubmitResponse;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEndorsedAction;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.ChaincodeID;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.Endorsement;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Response;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.hyperledger.fabric.shim.Chaincode;

/**
 * The Fabric Gateway gRPC service of one peer that is also its channel's only endorser and orderer.
 *
 * <p>Requests and responses are the real protobuf messages, built the way a Fabric 2.5 peer builds them
 * ({@code internal/pkg/gateway}): endorsement returns an unsigned transaction envelope assembled from the
 * proposal and the simulated chaincode action; errors carry the same gRPC codes and {@link ErrorDetail}s
 * ({@code ABORTED} with "chaincode response 500, ..." for a failed endorsement, {@code UNKNOWN} for a failed
 * evaluation), so the SDK's own parsing and exception mapping run as against a network.
 */
final class EmulatedGatewayService extends GatewayGrpc.GatewayImplBase {

    private static final String QUERY_SYSTEM_CHAINCODE = "qscc";
    private static final String PEER_ADDRESS = TestCredentials.PEER_HOST_NAME + ":7051";

    private final String channel;
    private final String chaincode;
    private final EmulatedLedger ledger;
    private final EmulatorFaults faults;
    private final SerializedIdentity peerIdentity;
    private final PrivateKey peerKey;

    EmulatedGatewayService(
            String channel,
            String chaincode,
            EmulatedLedger ledger,
            EmulatorFaults faults,
            SerializedIdentity peerIdentity,
            PrivateKey peerKey) {
        this.channel = channel;
        this.chaincode = chaincode;
        this.ledger = ledger;
        this.faults = faults;
        this.peerIdentity = peerIdentity;
        this.peerKey = peerKey;
    }

    @Override
    public void endorse(EndorseRequest request, StreamObserver<EndorseResponse> responses) {
        unary(GatewayEmulator.Rpc.ENDORSE, responses, () -> {
            ProposalContents proposal = ProposalContents.verify(request.getProposedTransaction());
            requireDeployed(proposal);
            SimulationStub simulation = new SimulationStub(proposal, ledger, peerIdentity.getMspid());
            Chaincode.Response response = ContractRuntime.invoke(simulation);
            if (response.getStatusCode() >= 400) {
                throw withDetail(
                        Status.Code.ABORTED,
                        "failed to endorse transaction, see attached details for more info",
                        chaincodeFailure(response));
            }
            return EndorseResponse.newBuilder()
                    .setPreparedTransaction(prepareTransaction(proposal, simulation, response))
                    .build();
        });
    }

    @Override
    public void evaluate(EvaluateRequest request, StreamObserver<EvaluateResponse> responses) {
        unary(GatewayEmulator.Rpc.EVALUATE, responses, () -> {
            ProposalContents proposal = ProposalContents.verify(request.getProposedTransaction());
            Chaincode.Response response;
            if (QUERY_SYSTEM_CHAINCODE.equals(proposal.chaincodeName())) {
                requireChannel(proposal.channelId());
                response = queryLedger(proposal);
            } else {
                requireDeployed(proposal);
                response = ContractRuntime.invoke(new SimulationStub(proposal, ledger, peerIdentity.getMspid()));
            }
            if (response.getStatusCode() >= 400) {
                String failure = chaincodeFailure(response);
                throw withDetail(Status.Code.UNKNOWN, "evaluate call to endorser returned error: " + failure, failure);
            }
            return EvaluateResponse.newBuilder().setResult(toProto(response)).build();
        });
    }

    @Override
    public void submit(SubmitRequest request, StreamObserver<SubmitResponse> responses) {
        unary(GatewayEmulator.Rpc.SUBMIT, responses, () -> {
            Envelope envelope = request.getPreparedTransaction();
            if (envelope.getSignature().isEmpty()) {
                throw Status.INVALID_ARGUMENT
                        .withDescription("prepared transaction must be signed")
                        .asRuntimeException();
            }
            requireChannel(request.getChannelId());
            if (!ProposalContents.verifies(creatorOf(envelope), envelope.getPayload(), envelope.getSignature())) {
                throw Status.INVALID_ARGUMENT
                        .withDescription("the transaction signature does not verify")
                        .asRuntimeException();
            }
            ledger.order(envelope);
            if (faults.takeCrashAfterSubmit()) {
                // The transaction is on its way to a block, but the client never learns that it was accepted.
                throw Status.UNAVAILABLE
                        .withDescription(
                                "gateway emulator: connection lost after the transaction was sent for ordering")
                        .asRuntimeException();
            }
            return SubmitResponse.getDefaultInstance();
        });
    }

    @Override
    public void commitStatus(SignedCommitStatusRequest request, StreamObserver<CommitStatusResponse> responses) {
        CommitStatusRequest statusRequest;
        try {
            faults.beforeHandling(GatewayEmulator.Rpc.COMMIT_STATUS);
            statusRequest = CommitStatusRequest.parseFrom(request.getRequest());
            requireChannel(statusRequest.getChannelId());
            if (!ProposalContents.verifies(
                    SerializedIdentity.parseFrom(statusRequest.getIdentity()),
                    request.getRequest(),
                    request.getSignature())) {
                throw Status.PERMISSION_DENIED
                        .withDescription("the commit status request signature does not verify")
                        .asRuntimeException();
            }
        } catch (StatusRuntimeException e) {
            responses.onError(e);
            return;
        } catch (InvalidProtocolBufferException e) {
            responses.onError(
                    Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
            return;
        }
        // Like the peer, wait for the transaction to commit; the client's deadline bounds the wait.
        ledger.commitOf(statusRequest.getTransactionId()).whenComplete((record, failure) -> {
            try {
                if (failure != null) {
                    responses.onError(Status.UNAVAILABLE
                            .withDescription("gateway emulator stopped")
                            .asRuntimeException());
                    return;
                }
                responses.onNext(CommitStatusResponse.newBuilder()
                        .setResult(record.code())
                        .setBlockNumber(record.blockNumber())
                        .build());
                responses.onCompleted();
            } catch (RuntimeException e) {
                // The client gave up (deadline, cancel) before the commit; nobody is listening any more.
            }
        });
    }

    @Override
    public void chaincodeEvents(
            SignedChaincodeEventsRequest request, StreamObserver<ChaincodeEventsResponse> responses) {
        ChaincodeEventsRequest eventsRequest;
        try {
            faults.beforeHandling(GatewayEmulator.Rpc.CHAINCODE_EVENTS);
            eventsRequest = ChaincodeEventsRequest.parseFrom(request.getRequest());
            requireChannel(eventsRequest.getChannelId());
        } catch (StatusRuntimeException e) {
            responses.onError(e);
            return;
        } catch (InvalidProtocolBufferException e) {
            responses.onError(
                    Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
            return;
        }
        long height = ledger.height();
        long startBlock = switch (eventsRequest.getStartPosition().getTypeCase()) {
            case SPECIFIED -> eventsRequest.getStartPosition().getSpecified().getNumber();
            case OLDEST -> 0;
            case NEWEST -> height - 1;
            default -> height;
        };
        String afterTransactionId = eventsRequest.getAfterTransactionId();
        ServerCallStreamObserver<ChaincodeEventsResponse> stream =
                (ServerCallStreamObserver<ChaincodeEventsResponse>) responses;
        Runnable[] unsubscribe = new Runnable[1];
        stream.setOnCancelHandler(() -> {
            if (unsubscribe[0] != null) {
                unsubscribe[0].run();
            }
        });
        unsubscribe[0] = ledger.subscribe(startBlock, block -> {
            List<EmulatedLedger.TransactionRecord> transactions = block.transactions();
            int first = 0;
            if (block.number() == startBlock && !afterTransactionId.isEmpty()) {
                // Resuming inside the start block: skip up to and including the last transaction already seen.
                for (int i = 0; i < transactions.size(); i++) {
                    if (transactions.get(i).transactionId().equals(afterTransactionId)) {
                        first = i + 1;
                    }
                }
            }
            List<ChaincodeEvent> events = new ArrayList<>();
            for (EmulatedLedger.TransactionRecord transaction : transactions.subList(first, transactions.size())) {
                if (eventsRequest.getChaincodeId().equals(transaction.chaincode())) {
                    transaction.event().ifPresent(events::add);
                }
            }
            if (!events.isEmpty() && !stream.isCancelled()) {
                synchronized (stream) {
                    stream.onNext(ChaincodeEventsResponse.newBuilder()
                            .setBlockNumber(block.number())
                            .addAllEvents(events)
                            .build());
                }
            }
        });
        if (stream.isCancelled()) {
            unsubscribe[0].run();
        }
    }

    private <T> void unary(GatewayEmulator.Rpc rpc, StreamObserver<T> responses, Supplier<T> handler) {
        T response;
        try {
            faults.beforeHandling(rpc);
            response = handler.get();
        } catch (StatusRuntimeException e) {
            responses.onError(e);
            return;
        } catch (RuntimeException e) {
            responses.onError(Status.INTERNAL
                    .withDescription("gateway emulator: " + e)
                    .withCause(e)
                    .asRuntimeException());
            return;
        }
        try {
            responses.onNext(response);
            responses.onCompleted();
        } catch (RuntimeException e) {
            // The client cancelled or its deadline passed while the call was being handled.
        }
    }

    /**
     * The envelope a peer's gateway prepares from an endorsed proposal (fabric {@code prepareTransaction}): the
     * proposal payload without transient data, the endorsed chaincode action, and the proposal's own header.
     */
    private Envelope prepareTransaction(
            ProposalContents proposal, SimulationStub simulation, Chaincode.Response response) {
        ChaincodeAction.Builder action = ChaincodeAction.newBuilder()
                .setResults(simulation.readWriteSet().toByteString())
                .setResponse(toProto(response))
                .setChaincodeId(ChaincodeID.newBuilder().setName(chaincode).setVersion("1.0"));
        simulation.chaincodeEvent().ifPresent(event -> action.setEvents(event.toByteString()));
        ChaincodeProposalPayload withoutTransient =
                proposal.payload().toBuilder().clearTransientMap().build();
        ProposalResponsePayload responsePayload = ProposalResponsePayload.newBuilder()
                .setProposalHash(ByteString.copyFrom(ProposalContents.sha256(
                        proposal.proposal().getHeader().toByteArray(), withoutTransient.toByteArray())))
                .setExtension(action.build().toByteString())
                .build();
        ByteString endorser = peerIdentity.toByteString();
        Endorsement endorsement = Endorsement.newBuilder()
                .setEndorser(endorser)
                .setSignature(ByteString.copyFrom(
                        ProposalContents.sign(peerKey, responsePayload.toByteArray(), endorser.toByteArray())))
                .build();
        ChaincodeActionPayload actionPayload = ChaincodeActionPayload.newBuilder()
                .setChaincodeProposalPayload(withoutTransient.toByteString())
                .setAction(ChaincodeEndorsedAction.newBuilder()
                        .setProposalResponsePayload(responsePayload.toByteString())
                        .addEndorsements(endorsement))
                .build();
        Transaction transaction = Transaction.newBuilder()
                .addActions(TransactionAction.newBuilder()
                        .setHeader(proposal.header().getSignatureHeader())
                        .setPayload(actionPayload.toByteString()))
                .build();
        Payload payload = Payload.newBuilder()
                .setHeader(proposal.header())
                .setData(transaction.toByteString())
                .build();
        return Envelope.newBuilder().setPayload(payload.toByteString()).build();
    }

    /** The ledger queries of the peer's {@code qscc} that the Fabric adapter uses. */
    private Chaincode.Response queryLedger(ProposalContents proposal) {
        List<ByteString> arguments = proposal.chaincodeSpec().getInput().getArgsList();
        String function = arguments.isEmpty() ? "" : arguments.get(0).toStringUtf8();
        if (arguments.size() != 3 || !channel.equals(arguments.get(1).toStringUtf8())) {
            return error("Incorrect number of arguments or unknown channel for " + function);
        }
        String argument = arguments.get(2).toStringUtf8();
        return switch (function) {
            case "GetBlockByTxID" ->
                ledger.blockOf(argument)
                        .map(EmulatedGatewayService::success)
                        .orElseGet(() ->
                                error("Failed to get block for txID " + argument + ", error entry not found in index"));
            case "GetBlockByNumber" ->
                ledger.block(Long.parseLong(argument))
                        .map(EmulatedGatewayService::success)
                        .orElseGet(() ->
                                error("Failed to get block number " + argument + ", error Entry not found in index"));
            default -> error("Requested function " + function + " not found.");
        };
    }

    private static Chaincode.Response success(Block block) {
        return new Chaincode.Response(Chaincode.Response.Status.SUCCESS, "", block.toByteArray());
    }

    private static Chaincode.Response error(String message) {
        return new Chaincode.Response(Chaincode.Response.Status.INTERNAL_SERVER_ERROR, message, new byte[0]);
    }

    private void requireDeployed(ProposalContents proposal) {
        requireChannel(proposal.channelId());
        if (!chaincode.equals(proposal.chaincodeName())) {
            throw withDetail(
                    Status.Code.FAILED_PRECONDITION,
                    "no peers available to evaluate chaincode " + proposal.chaincodeName() + " in channel " + channel,
                    "chaincode definition for '" + proposal.chaincodeName() + "' not found");
        }
    }

    private void requireChannel(String requested) {
        if (!channel.equals(requested)) {
            throw Status.NOT_FOUND
                    .withDescription("channel '" + requested + "' not found")
                    .asRuntimeException();
        }
    }

    private static SerializedIdentity creatorOf(Envelope envelope) {
        try {
            Header header = Payload.parseFrom(envelope.getPayload()).getHeader();
            return SerializedIdentity.parseFrom(
                    SignatureHeader.parseFrom(header.getSignatureHeader()).getCreator());
        } catch (InvalidProtocolBufferException e) {
            throw Status.INVALID_ARGUMENT
                    .withDescription("failed to unpack the transaction envelope: " + e.getMessage())
                    .asRuntimeException();
        }
    }

    private static String chaincodeFailure(Chaincode.Response response) {
        return "chaincode response " + response.getStatusCode() + ", " + response.getMessage();
    }

    private static Response toProto(Chaincode.Response response) {
        byte[] payload = response.getPayload();
        return Response.newBuilder()
                .setStatus(response.getStatusCode())
                .setMessage(response.getMessage() == null ? "" : response.getMessage())
                .setPayload(payload == null ? ByteString.EMPTY : ByteString.copyFrom(payload))
                .build();
    }

    private StatusRuntimeException withDetail(Status.Code code, String message, String detail) {
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(code.value())
                .setMessage(message)
                .addDetails(Any.pack(ErrorDetail.newBuilder()
                        .setAddress(PEER_ADDRESS)
                        .setMspId(peerIdentity.getMspid())
                        .setMessage(detail)
                        .build()))
                .build());
    }
}
