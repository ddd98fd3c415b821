package org.suyuan.ledger.fabric;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.suyuan.ledger.fabric.AnchorRequests.WINDOW_END;
import static org.suyuan.ledger.fabric.AnchorRequests.WINDOW_START;
import static org.suyuan.ledger.fabric.AnchorRequests.rootOf;

import io.grpc.Channel;
import io.grpc.Status;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The emulator as the raw Gateway SDK sees it, for the parts the Fabric adapter does not use itself. */
class GatewayEmulatorTests {

    @TempDir
    static Path credentialsDirectory;

    private static TestCredentials credentials;

    private final GatewayEmulator emulator = GatewayEmulator.create();

    @BeforeAll
    static void generateCredentials() {
        credentials = TestCredentials.generate(credentialsDirectory);
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    @Test
    void deliversOneChaincodeEventPerStoredAnchor() throws Exception {
        try (Gateway gateway = gateway(emulator.newInProcessChannel(), readKey(credentials.identityKey()))) {
            Contract contract = gateway.getNetwork(emulator.channel()).getContract(emulator.chaincode());
            contract.submitTransaction("anchor", anchorArguments("window 1"));
            contract.submitTransaction("anchor", anchorArguments("window 1"));
            contract.submitTransaction("anchor", anchorArguments("window 2"));

            try (CloseableIterator<ChaincodeEvent> events = gateway.getNetwork(emulator.channel())
                    .newChaincodeEventsRequest(emulator.chaincode())
                    .startBlock(0)
                    .build()
                    .getEvents()) {
                ChaincodeEvent first = events.next();
                ChaincodeEvent second = events.next();

                assertThat(first.getEventName()).isEqualTo("AnchorRecorded");
                assertThat(new String(first.getPayload(), UTF_8))
                        .contains(rootOf("window 1").hex());
                assertThat(new String(second.getPayload(), UTF_8))
                        .as("the replay emitted nothing")
                        .contains(rootOf("window 2").hex());
                assertThat(second.getBlockNumber()).isGreaterThan(first.getBlockNumber());
            }
        }
    }

    @Test
    void commitsResubmittedTransactionBytesOnlyOnce() throws Exception {
        try (Gateway gateway = gateway(emulator.newInProcessChannel(), readKey(credentials.identityKey()))) {
            Contract contract = gateway.getNetwork(emulator.channel()).getContract(emulator.chaincode());
            Transaction endorsed = contract.newProposal("anchor")
                    .addArguments(anchorArguments("window 1"))
                    .build()
                    .endorse();
            byte[] saved = endorsed.getBytes();
            byte[] result = endorsed.submit();

            // As an outbox would after a restart: rebuild the endorsed transaction from bytes and send it again.
            byte[] resubmitted = gateway.newTransaction(saved).submit();

            assertThat(resubmitted).isEqualTo(result);
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(emulator.committedTransactions())
                            .extracting(GatewayEmulator.CommittedTransaction::validationCode)
                            .containsExactly("VALID", "DUPLICATE_TXID"));
            assertThat(emulator.worldState()).hasSize(1);
        }
    }

    @Test
    void refusesAProposalNotSignedByTheCertificatesKey() throws Exception {
        PrivateKey otherKey = TestCredentials.newKeyPair().getPrivate();
        try (Gateway gateway = gateway(emulator.newInProcessChannel(), otherKey)) {
            Contract contract = gateway.getNetwork(emulator.channel()).getContract(emulator.chaincode());

            assertThatThrownBy(() -> contract.submitTransaction("anchor", anchorArguments("window 1")))
                    .isInstanceOfSatisfying(
                            EndorseException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
        }
        assertThat(emulator.committedTransactions()).isEmpty();
    }

    @Test
    void answersTheLedgerQueryForTheBlockOfATransaction() throws Exception {
        try (Gateway gateway = gateway(emulator.newInProcessChannel(), readKey(credentials.identityKey()))) {
            Contract contract = gateway.getNetwork(emulator.channel()).getContract(emulator.chaincode());
            Transaction endorsed = contract.newProposal("anchor")
                    .addArguments(anchorArguments("window 1"))
                    .build()
                    .endorse();
            long blockNumber = endorsed.submitAsync().getStatus().getBlockNumber();

            Block block = Block.parseFrom(gateway.getNetwork(emulator.channel())
                    .getContract("qscc")
                    .evaluateTransaction("GetBlockByTxID", emulator.channel(), endorsed.getTransactionId()));

            assertThat(block.getHeader().getNumber()).isEqualTo(blockNumber);
            assertThat(block.getData().getDataCount()).isEqualTo(1);
            assertThat(block.getMetadata()
                            .getMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE)
                            .byteAt(0))
                    .isEqualTo((byte) TxValidationCode.VALID_VALUE);
            assertThat(emulator.blockHeight()).isEqualTo(blockNumber + 1);
        }
    }

    private static String[] anchorArguments(String seed) {
        return new String[] {rootOf(seed).hex(), "3", "", WINDOW_START.toString(), WINDOW_END.toString()};
    }

    private static Gateway gateway(Channel channel, PrivateKey signingKey)
            throws IOException, GeneralSecurityException {
        try (Reader certificate = Files.newBufferedReader(credentials.identityCertificate())) {
            return Gateway.newInstance()
                    .identity(new X509Identity(credentials.mspId(), Identities.readX509Certificate(certificate)))
                    .signer(Signers.newPrivateKeySigner(signingKey))
                    .hash(Hash.SHA256)
                    .connection(channel)
                    .evaluateOptions(options -> options.withDeadlineAfter(5, TimeUnit.SECONDS))
                    .endorseOptions(options -> options.withDeadlineAfter(5, TimeUnit.SECONDS))
                    .submitOptions(options -> options.withDeadlineAfter(5, TimeUnit.SECONDS))
                    .commitStatusOptions(options -> options.withDeadlineAfter(10, TimeUnit.SECONDS))
                    .chaincodeEventsOptions(options -> options.withDeadlineAfter(10, TimeUnit.SECONDS))
                    .connect();
        }
    }

    private static PrivateKey readKey(Path file) throws IOException, GeneralSecurityException {
        try (Reader key = Files.newBufferedReader(file)) {
            return Identities.readPrivateKey(key);
        }
    }
}
