package org.suyuan.ledger.verifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.suyuan.ledger.AnchorReceipt;
import org.suyuan.ledger.Ledger;
import org.suyuan.ledger.LedgerException;
import org.suyuan.ledger.fabric.FabricLedger;
import org.suyuan.ledger.fabric.FabricSettings;
import org.suyuan.ledger.proof.BundleVerifier;
import org.suyuan.ledger.proof.ProofBundle;

/**
 * Checks a proof bundle downloaded from Suyuan ({@code GET /api/v1/trace/{code}/proof}) without trusting Suyuan:
 *
 * <pre>
 * java -jar suyuan-verifier.jar bundle.json                      # the bundle alone
 * java -jar suyuan-verifier.jar bundle.json --fabric fabric.properties   # and the root on the Fabric ledger
 * </pre>
 *
 * <p>Prints VERIFIED, PENDING or what fails; exit status 0 when verified, 2 when pending, 1 otherwise. The Fabric
 * properties are {@code gateway-endpoint}, {@code msp-id}, {@code certificate}, {@code private-key},
 * {@code channel}, {@code chaincode}, and for TLS {@code tls-ca-certificate} and optionally
 * {@code tls-server-name-override}.
 */
public final class OfflineVerifier {

    private OfflineVerifier() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) {
        if (args.length != 1 && !(args.length == 3 && "--fabric".equals(args[1]))) {
            out.println("Usage: java -jar suyuan-verifier.jar <bundle.json> [--fabric <fabric.properties>]");
            return 1;
        }
        ProofBundle bundle;
        try {
            bundle = ProofBundle.fromJson(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            out.println("INVALID: cannot read the bundle: " + e.getMessage());
            return 1;
        }
        BundleVerifier.Result result = BundleVerifier.verify(bundle);
        if (result.status() == BundleVerifier.Status.TAMPERED) {
            out.println("TAMPERED: " + (bundle.subject() == null ? "" : bundle.subject()));
            result.problems().forEach(problem -> out.println("  - " + problem));
            return 1;
        }
        if (args.length == 3 && bundle.anchor() != null) {
            Optional<String> ledgerProblem = checkOnFabric(bundle.anchor(), Path.of(args[2]));
            if (ledgerProblem.isPresent()) {
                out.println("NOT ON LEDGER: " + ledgerProblem.get());
                return 1;
            }
            out.println("Root " + bundle.anchor().root() + " confirmed on the Fabric ledger.");
        }
        describe(bundle, result, out);
        return result.status() == BundleVerifier.Status.VERIFIED ? 0 : 2;
    }

    private static void describe(ProofBundle bundle, BundleVerifier.Result result, PrintStream out) {
        String subject = bundle.subject() == null ? "" : " " + bundle.subject();
        if (result.status() == BundleVerifier.Status.VERIFIED) {
            ProofBundle.LedgerReference ledger = bundle.anchor().ledger();
            out.println("VERIFIED:" + subject + ": " + result.events() + " events, unbroken; the latest is in root "
                    + bundle.anchor().root() + " (" + ledger.kind() + " transaction " + ledger.transactionId()
                    + ", block " + ledger.blockNumber() + ", " + ledger.anchoredAt() + ").");
        } else {
            out.println("PENDING:" + subject + ": " + result.events() + " events, unbroken; " + result.anchoredEvents()
                    + " of them anchored, the rest not yet.");
        }
    }

    private static Optional<String> checkOnFabric(ProofBundle.Anchor anchor, Path propertiesFile) {
        try (Ledger ledger = FabricLedger.connect(settings(propertiesFile))) {
            Optional<AnchorReceipt> stored = ledger.find(anchor.root());
            if (stored.isEmpty()) {
                return Optional.of("the ledger has no anchor with root " + anchor.root());
            }
            if (stored.get().request().leafCount() != anchor.ledger().leafCount()) {
                return Optional.of("the ledger anchored "
                        + stored.get().request().leafCount() + " leaves under this root, the bundle claims "
                        + anchor.ledger().leafCount());
            }
            return Optional.empty();
        } catch (IOException | LedgerException | IllegalArgumentException e) {
            return Optional.of("cannot ask the ledger: " + e.getMessage());
        }
    }

    private static FabricSettings settings(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        String ca = properties.getProperty("tls-ca-certificate");
        FabricSettings.Tls tls = ca == null
                ? FabricSettings.Tls.disabled()
                : FabricSettings.Tls.serverAuthenticated(
                        Path.of(ca), properties.getProperty("tls-server-name-override"));
        return new FabricSettings(
                properties.getProperty("gateway-endpoint"),
                properties.getProperty("msp-id"),
                Path.of(required(properties, "certificate")),
                Path.of(required(properties, "private-key")),
                properties.getProperty("channel"),
                properties.getProperty("chaincode"),
                tls,
                null);
    }

    private static String required(Properties properties, String name) {
        String value = properties.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("fabric.properties needs " + name);
        }
        return value;
    }
}
