package org.suyuan.ledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.suyuan.ledger.proof.BundleFixtures;

class OfflineVerifierTests {

    @TempDir
    Path directory;

    @Test
    void acceptsAFreshBundle() throws Exception {
        Path file = write(BundleFixtures.bundle(3, 3).toJson());

        Outcome outcome = run(file.toString());

        assertThat(outcome.status()).isZero();
        assertThat(outcome.output()).startsWith("VERIFIED").contains("block 12");
    }

    @Test
    void rejectsABundleWithOneChangedByte() throws Exception {
        String json = BundleFixtures.bundle(3, 3).toJson();
        Path file = write(json.replaceFirst("滴灌", "漫灌"));

        Outcome outcome = run(file.toString());

        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.output()).startsWith("TAMPERED").contains("its content was changed");
    }

    @Test
    void saysPendingWhileTheLatestEventIsNotAnchored() throws Exception {
        Outcome outcome = run(write(BundleFixtures.bundle(3, 1).toJson()).toString());

        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.output()).startsWith("PENDING");
    }

    @Test
    void explainsUnreadableInput() throws Exception {
        assertThat(run(write("{\"format\":\"something else\"}").toString()).output())
                .startsWith("INVALID");
        assertThat(run().output()).startsWith("Usage");
    }

    private record Outcome(int status, String output) {}

    private static Outcome run(String... args) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int status = OfflineVerifier.run(args, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        return new Outcome(status, buffer.toString(StandardCharsets.UTF_8));
    }

    private Path write(String json) throws Exception {
        Path file = directory.resolve("bundle.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }
}
