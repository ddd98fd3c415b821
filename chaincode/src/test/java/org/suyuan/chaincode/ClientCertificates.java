package org.suyuan.chaincode;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

/** Client identities as a Fabric transaction carries them: a serialized MSP id plus a PEM certificate. */
final class ClientCertificates {

    private ClientCertificates() {}

    /** The creator bytes of a transaction signed by a fresh P-256 identity of the given MSP. */
    static byte[] creator(String mspId) {
        return SerializedIdentity.newBuilder()
                .setMspid(mspId)
                .setIdBytes(com.google.protobuf.ByteString.copyFrom(selfSignedPem("CN=user1," + "O=" + mspId)))
                .build()
                .toByteArray();
    }

    private static byte[] selfSignedPem(String subject) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            Instant now = Instant.now();
            X500Name name = new X500Name(subject);
            X509CertificateHolder certificate = new JcaX509v3CertificateBuilder(
                            name,
                            BigInteger.valueOf(now.toEpochMilli()),
                            Date.from(now.minus(Duration.ofMinutes(1))),
                            Date.from(now.plus(Duration.ofDays(1))),
                            name,
                            keys.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
            StringWriter pem = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
                writer.writeObject(certificate);
            }
            return pem.toString().getBytes(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create a test certificate", e);
        }
    }
}
