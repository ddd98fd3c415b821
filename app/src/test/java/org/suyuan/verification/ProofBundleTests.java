package org.suyuan.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.suyuan.ApiClient;
import org.suyuan.TestAccounts;
import org.suyuan.TestClockConfiguration;
import org.suyuan.account.AccountService;
import org.suyuan.db.account.UserAccountRepository;
import org.suyuan.ledger.proof.BundleVerifier;
import org.suyuan.ledger.proof.ProofBundle;
import org.suyuan.verification.VerificationFixtures.TracedBatch;

/**
 * The proof bundle of a verified batch, checked as a consumer would check it without trusting Suyuan: in process
 * with {@link BundleVerifier}, and with the offline verifier's own {@code main} in a separate JVM (the shaded
 * verifier jar when the build made one), which must also catch a one-byte edit of the saved file.
 */
@Import(TestClockConfiguration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProofBundleTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    UserAccountRepository users;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path folder;

    @Test
    void theBundleOfAVerifiedBatchVerifiesOfflineAndAOneByteEditIsCaught() throws Exception {
        ApiClient farmer = VerificationFixtures.newProducer(TestAccounts.administrator(port, accounts, users), port);
        TracedBatch batch = VerificationFixtures.harvestedBatch(farmer);
        VerificationFixtures.awaitAnchored(jdbc, List.of(batch));

        ApiClient.Response download = ApiClient.anonymous(port).get("/api/v1/trace/" + batch.code() + "/proof");

        assertThat(download.status()).as(download.body()).isEqualTo(200);
        assertThat(download.header("Content-Disposition")).contains(batch.code() + "-proof.json");
        BundleVerifier.Result result = BundleVerifier.verify(ProofBundle.fromJson(download.body()));
        assertThat(result.status()).as("%s", result.problems()).isEqualTo(BundleVerifier.Status.VERIFIED);
        assertThat(result.events()).isEqualTo(5);
        assertThat(result.anchoredEvents()).isEqualTo(5);

        Path bundle = Files.writeString(folder.resolve(batch.code() + "-proof.json"), download.body());
        OfflineVerifierProcess.Verdict verified = OfflineVerifierProcess.verify(bundle);
        assertThat(verified.exitCode()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("VERIFIED:", batch.number());

        // The harvest's amount, inside the fourth event's canonical JSON (escaped in the file): 800 → 900.
        String harvested = "\\\"800\\\"";
        assertThat(download.body()).containsOnlyOnce(harvested);
        Path edited = Files.writeString(
                folder.resolve("edited-proof.json"), download.body().replace(harvested, "\\\"900\\\""));
        assertThat(BundleVerifier.verify(ProofBundle.fromJson(Files.readString(edited)))
                        .status())
                .isEqualTo(BundleVerifier.Status.TAMPERED);
        OfflineVerifierProcess.Verdict tampered = OfflineVerifierProcess.verify(edited);
        assertThat(tampered.exitCode()).as(tampered.output()).isEqualTo(1);
        assertThat(tampered.output()).contains("TAMPERED:", "Event 4");
    }

    @Test
    void anUnknownCodeHasNoBundle() {
        String unknown = new org.suyuan.qr.TraceCodeGenerator().next().value();

        ApiClient.Response response = ApiClient.anonymous(port).get("/api/v1/trace/" + unknown + "/proof");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("type").asText()).isEqualTo("/problems/unknown-code");
    }
}
