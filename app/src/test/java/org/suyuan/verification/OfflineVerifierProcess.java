package org.suyuan.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The offline verifier's own {@code main} in a separate JVM, as a consumer or the bureau runs it: the shaded
 * verifier jar when the build made one, else its main from the test's class path.
 */
public final class OfflineVerifierProcess {

    /** What the verifier printed and its exit code (0 verified, 2 pending, 1 anything else). */
    public record Verdict(int exitCode, String output) {}

    private OfflineVerifierProcess() {}

    /** Verifies a saved bundle; {@code arguments} follow it, e.g. {@code --fabric bureau-fabric.properties}. */
    public static Verdict verify(Path bundle, String... arguments) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        Optional<Path> jar = verifierJar();
        if (jar.isPresent()) {
            command.addAll(List.of("-jar", jar.get().toString()));
        } else {
            // Built without the chaincode-client module in the reactor: its main from the test's class path.
            command.addAll(List.of(
                    "-cp", System.getProperty("java.class.path"), "org.suyuan.ledger.verifier.OfflineVerifier"));
        }
        command.add(bundle.toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES))
                .as("the verifier finished")
                .isTrue();
        return new Verdict(process.exitValue(), output);
    }

    /** The shaded jar the build makes (chaincode-client/target/suyuan-chaincode-client-*-verifier.jar). */
    private static Optional<Path> verifierJar() throws IOException {
        Path target = Path.of("..", "chaincode-client", "target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "suyuan-chaincode-client-*-verifier.jar")) {
            for (Path jar : jars) {
                return Optional.of(jar);
            }
        }
        return Optional.empty();
    }
}
