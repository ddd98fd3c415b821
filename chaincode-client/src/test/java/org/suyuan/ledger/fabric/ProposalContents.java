package org.suyuan.ledger.fabric;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Status;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeSpec;
import org.hyperledger.fabric.protos.peer.Proposal;
import org.hyperledger.fabric.protos.peer.SignedProposal;

/**
 * A signed proposal unpacked the way a peer unpacks it, after the checks a peer makes before running chaincode:
 * the signature verifies against the creator's certificate, and the transaction id is the hash of nonce and
 * creator, so a client that signs or derives ids wrongly fails here as it would on a real network.
 */
record ProposalContents(
        SignedProposal signed,
        Proposal proposal,
        Header header,
        ChannelHeader channelHeader,
        SignatureHeader signatureHeader,
        ChaincodeProposalPayload payload,
        ChaincodeSpec chaincodeSpec,
        SerializedIdentity creator) {

    static ProposalContents verify(SignedProposal signed) {
        ProposalContents contents;
        try {
            Proposal proposal = Proposal.parseFrom(signed.getProposalBytes());
            Header header = Header.parseFrom(proposal.getHeader());
            SignatureHeader signatureHeader = SignatureHeader.parseFrom(header.getSignatureHeader());
            ChaincodeProposalPayload payload = ChaincodeProposalPayload.parseFrom(proposal.getPayload());
            contents = new ProposalContents(
                    signed,
                    proposal,
                    header,
                    ChannelHeader.parseFrom(header.getChannelHeader()),
                    signatureHeader,
                    payload,
                    ChaincodeInvocationSpec.parseFrom(payload.getInput()).getChaincodeSpec(),
                    SerializedIdentity.parseFrom(signatureHeader.getCreator()));
        } catch (InvalidProtocolBufferException e) {
            throw Status.INVALID_ARGUMENT
                    .withDescription("failed to unpack transaction proposal: " + e.getMessage())
                    .asRuntimeException();
        }
        if (contents.channelId().isEmpty()) {
            throw Status.INVALID_ARGUMENT
                    .withDescription("no channel id provided")
                    .asRuntimeException();
        }
        if (contents.chaincodeName().isEmpty()) {
            throw Status.INVALID_ARGUMENT
                    .withDescription("no chaincode name is provided")
                    .asRuntimeException();
        }
        String expectedId = HexFormat.of()
                .formatHex(sha256(
                        contents.signatureHeader.getNonce().toByteArray(),
                        contents.signatureHeader.getCreator().toByteArray()));
        if (!expectedId.equals(contents.transactionId())) {
            throw Status.INVALID_ARGUMENT
                    .withDescription("invalid txID " + contents.transactionId() + ", expected " + expectedId)
                    .asRuntimeException();
        }
        if (!verifies(contents.creator, signed.getProposalBytes(), signed.getSignature())) {
            throw Status.PERMISSION_DENIED
                    .withDescription("access denied: the proposal signature does not verify")
                    .asRuntimeException();
        }
        return contents;
    }

    String transactionId() {
        return channelHeader.getTxId();
    }

    String channelId() {
        return channelHeader.getChannelId();
    }

    String chaincodeName() {
        return chaincodeSpec.getChaincodeId().getName();
    }

    Instant timestamp() {
        return Instant.ofEpochSecond(
                channelHeader.getTimestamp().getSeconds(),
                channelHeader.getTimestamp().getNanos());
    }

    /** Whether an ECDSA (SHA-256) signature was made by the key of the identity's certificate. */
    static boolean verifies(SerializedIdentity identity, ByteString message, ByteString signature) {
        try {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(
                            new ByteArrayInputStream(identity.getIdBytes().toByteArray()));
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(message.toByteArray());
            return verifier.verify(signature.toByteArray());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static byte[] sign(PrivateKey key, byte[]... parts) {
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(key);
            for (byte[] part : parts) {
                signer.update(part);
            }
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign", e);
        }
    }

    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
