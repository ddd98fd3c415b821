package org.suyuan.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.suyuan.ledger.AnchorReceipt;
import org.suyuan.ledger.AnchorRequest;
import org.suyuan.ledger.LedgerException;
import org.suyuan.ledger.RecordHash;
import org.suyuan.ledger.fabric.FabricNetwork.Component;

/**
 * The Fabric adapter against a real network ({@link FabricNetwork}): two organisations, each with its own peer and
 * its own copy of the contract, and the endorsement policy AND(operator, bureau). What the emulator cannot show is
 * shown here: that the operator alone cannot anchor, that the bureau's peer holds the same anchors, and how real
 * outages reach the adapter.
 */
@ExtendWith(FabricNetworkAvailable.class)
class RealFabricNetworkTests {

    private static FabricNetwork network;
    private static FabricLedger operator;
    private static FabricLedger bureau;

    @BeforeAll
    static void connect() {
        network = FabricNetwork.shared();
        operator = FabricLedger.connect(network.operatorSettings());
        bureau = FabricLedger.connect(network.bureauSettings());
    }

    @AfterAll
    static void disconnect() {
        if (operator != null) {
            operator.close();
        }
        if (bureau != null) {
            bureau.close();
        }
    }

    @Test
    void anAnchorIsEndorsedByBothOrganisationsAndTheBureausPeerHoldsIt() {
        AnchorRequest request = newAnchor();

        AnchorReceipt receipt = operator.anchor(request);

        assertThat(receipt.submitter()).isEqualTo(FabricNetwork.OPERATOR_MSP);
        assertThat(receipt.blockNumber()).isPositive();
        assertThat(bureau.find(request.root())).contains(receipt);
    }

    @Test
    void anAnchorEndorsedByTheOperatorAloneIsRefusedByTheNetwork() throws Exception {
        AnchorRequest request = newAnchor();

        Status status;
        try (FabricNetwork.Connection connection = FabricNetwork.connect(network.operatorSettings())) {
            // What an operator holding the database and its own identity could try: skip the bureau's endorsement.
            SubmittedTransaction submitted = connection
                    .contract()
                    .newProposal("anchor")
                    .addArguments(arguments(request))
                    .setEndorsingOrganizations(FabricNetwork.OPERATOR_MSP)
                    .build()
                    .endorse()
                    .submitAsync();
            status = submitted.getStatus();
        }

        assertThat(status.getCode()).isEqualTo(TxValidationCode.ENDORSEMENT_POLICY_FAILURE);
        assertThat(operator.find(request.root())).isEmpty();
        assertThat(bureau.find(request.root())).isEmpty();
    }

    @Test
    void aReplayedAnchorAddsATransactionThatStoresNothing() {
        AnchorRequest request = newAnchor();
        long before = network.blockHeight();
        AnchorReceipt first = operator.anchor(request);
        long replaysBefore = operator.replays();

        AnchorReceipt replay = operator.anchor(request);

        assertThat(replay).isEqualTo(first);
        assertThat(operator.replays()).isEqualTo(replaysBefore + 1);
        assertThat(network.anchorsStoredSince(before))
                .filteredOn(stored -> stored.root().equals(request.root()))
                .singleElement()
                .isEqualTo(first);
    }

    @Test
    void aStoppedContractOfTheBureauIsAnOutageThatPasses() {
        AnchorRequest request = newAnchor();
        network.stop(Component.BUREAU_CONTRACT);
        LedgerException outage;
        try {
            outage = catchThrowableOfType(LedgerException.class, () -> operator.anchor(request));
        } finally {
            network.start(Component.BUREAU_CONTRACT);
            network.awaitEndorsements();
        }

        assertThat(outage.reason()).as(outage.getMessage()).isEqualTo(LedgerException.Reason.UNAVAILABLE);
        assertThat(operator.anchor(request).request()).isEqualTo(request);
    }

    @Test
    void aStoppedPeerOfTheBureauIsAnOutageThatPasses() {
        AnchorRequest request = newAnchor();
        network.stop(Component.BUREAU_PEER);
        LedgerException outage;
        try {
            outage = catchThrowableOfType(LedgerException.class, () -> operator.anchor(request));
        } finally {
            network.start(Component.BUREAU_PEER);
            network.awaitEndorsements();
        }

        assertThat(outage.reason()).as(outage.getMessage()).isEqualTo(LedgerException.Reason.UNAVAILABLE);
    }

    private static AnchorRequest newAnchor() {
        RecordHash root =
                RecordHash.sha256(UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Instant end = Instant.now();
        return new AnchorRequest(root, 7, Optional.empty(), end.minusSeconds(2), end);
    }

    private static String[] arguments(AnchorRequest request) {
        return new String[] {
            request.root().hex(),
            Long.toString(request.leafCount()),
            "",
            request.windowStart().toString(),
            request.windowEnd().toString()
        };
    }
}
