package org.suyuan.ledger.fabric;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Key material for talking to the {@link GatewayEmulator} exactly as to a Fabric network: PEM files on disk, the
 * way an MSP directory and a peer's TLS folder hold them. Everything is generated at test time (P-256 keys,
 * BouncyCastle certificates), so nothing secret is committed.
 *
 * <ul>
 *   <li>a TLS CA, and a server certificate it issued for {@value #PEER_HOST_NAME}, {@code localhost} and
 *       {@code 127.0.0.1};
 *   <li>a TLS client certificate from the same CA, for mutual TLS;
 *   <li>a self-signed client identity of {@value #MSP_ID}, which signs proposals and transactions.
 * </ul>
 */
public final class TestCredentials {

    public static final String MSP_ID = "Org1MSP";
    public static final String PEER_HOST_NAME = "peer0.org1.example.com";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;

    private TestCredentials(Path directory) {
        this.directory = directory;
    }

    /** Generates a fresh set of credentials as PEM files in the directory (which must exist). */
    public static TestCredentials generate(Path directory) {
        try {
            KeyPair caKeys = newKeyPair();
            X500Name caName = new X500Name("CN=tlsca.org1.example.com,O=org1.example.com");
            X509Certificate ca = sign(
                    new JcaX509v3CertificateBuilder(
                                    caName, serial(), notBefore(), notAfter(), caName, caKeys.getPublic())
                            .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                            .addExtension(
                                    Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)),
                    caKeys.getPrivate());

            KeyPair serverKeys = newKeyPair();
            X509Certificate server = sign(
                    new JcaX509v3CertificateBuilder(
                                    caName,
                                    serial(),
                                    notBefore(),
                                    notAfter(),
                                    new X500Name("CN=" + PEER_HOST_NAME),
                                    serverKeys.getPublic())
                            .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                            .addExtension(
                                    Extension.keyUsage,
                                    true,
                                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement))
                            .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
                                KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth
                            }))
                            .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                                new GeneralName(GeneralName.dNSName, PEER_HOST_NAME),
                                new GeneralName(GeneralName.dNSName, "localhost"),
                                new GeneralName(GeneralName.iPAddress, "127.0.0.1")
                            })),
                    caKeys.getPrivate());

            KeyPair clientKeys = newKeyPair();
            X509Certificate client = sign(
                    new JcaX509v3CertificateBuilder(
                                    caName,
                                    serial(),
                                    notBefore(),
                                    notAfter(),
                                    new X500Name("CN=suyuan-client,O=org1.example.com"),
                                    clientKeys.getPublic())
                            .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                            .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                            .addExtension(
                                    Extension.extendedKeyUsage,
                                    false,
                                    new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth)),
                    caKeys.getPrivate());

            KeyPair identityKeys = newKeyPair();
            X509Certificate identity =
                    selfSigned("CN=User1@org1.example.com,OU=client,O=org1.example.com", identityKeys);

            TestCredentials credentials = new TestCredentials(directory);
            write(credentials.caCertificate(), pem(ca));
            write(credentials.serverCertificate(), pem(server));
            write(credentials.serverKey(), pem(serverKeys.getPrivate()));
            write(credentials.clientTlsCertificate(), pem(client));
            write(credentials.clientTlsKey(), pem(clientKeys.getPrivate()));
            write(credentials.identityCertificate(), pem(identity));
            Files.createDirectories(credentials.keystore());
            write(credentials.identityKey(), pem(identityKeys.getPrivate()));
            return credentials;
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("Cannot generate test credentials", e);
        }
    }

    public String mspId() {
        return MSP_ID;
    }

    /** The CA that issued the server's and the client's TLS certificates. */
    public Path caCertificate() {
        return directory.resolve("tls-ca.pem");
    }

    public Path serverCertificate() {
        return directory.resolve("tls-server.pem");
    }

    public Path serverKey() {
        return directory.resolve("tls-server-key.pem");
    }

    public Path clientTlsCertificate() {
        return directory.resolve("tls-client.pem");
    }

    public Path clientTlsKey() {
        return directory.resolve("tls-client-key.pem");
    }

    /** The client identity's certificate, as in an MSP's {@code signcerts}. */
    public Path identityCertificate() {
        return directory.resolve("signcerts").resolve("cert.pem");
    }

    /** The client identity's key, alone in {@link #keystore()} as in an MSP. */
    public Path identityKey() {
        return keystore().resolve("priv_sk");
    }

    public Path keystore() {
        return directory.resolve("keystore");
    }

    /** Settings for the emulator's default channel and chaincode, with default deadlines. */
    public FabricSettings settings(String gatewayEndpoint, FabricSettings.Tls tls) {
        return settings(gatewayEndpoint, tls, FabricSettings.Deadlines.defaults());
    }

    public FabricSettings settings(String gatewayEndpoint, FabricSettings.Tls tls, FabricSettings.Deadlines deadlines) {
        return new FabricSettings(
                gatewayEndpoint,
                MSP_ID,
                identityCertificate(),
                identityKey(),
                GatewayEmulator.DEFAULT_CHANNEL,
                GatewayEmulator.DEFAULT_CHAINCODE,
                tls,
                deadlines);
    }

    /** TLS trusting the test CA, expecting the server to be {@value #PEER_HOST_NAME} whatever the endpoint. */
    public FabricSettings.Tls serverAuthenticatedTls() {
        return FabricSettings.Tls.serverAuthenticated(caCertificate(), PEER_HOST_NAME);
    }

    /** {@link #serverAuthenticatedTls()} plus the client TLS certificate. */
    public FabricSettings.Tls mutualTls() {
        return serverAuthenticatedTls().withClientCertificate(clientTlsCertificate(), clientTlsKey());
    }

    static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    static X509Certificate selfSigned(String subject, KeyPair keys)
            throws GeneralSecurityException, OperatorCreationException, CertIOException {
        X500Name name = new X500Name(subject);
        return sign(
                new JcaX509v3CertificateBuilder(name, serial(), notBefore(), notAfter(), name, keys.getPublic())
                        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature)),
                keys.getPrivate());
    }

    static String pem(Object certificateOrKey) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(
                    certificateOrKey instanceof PrivateKey key
                            ? new JcaPKCS8Generator(key, null).generate()
                            : certificateOrKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey)
            throws GeneralSecurityException, OperatorCreationException {
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
    }

    private static BigInteger serial() {
        return new BigInteger(64, RANDOM);
    }

    private static Date notBefore() {
        return Date.from(Instant.now().minus(Duration.ofHours(1)));
    }

    private static Date notAfter() {
        return Date.from(Instant.now().plus(Duration.ofDays(2)));
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
