package org.suyuan.qr;

import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;

/**
 * The independent decoder: zbar's {@code zbarimg} (Debian {@code zbar-tools}), run as a process.
 *
 * <p>Where it is missing the check is skipped with a message on stderr, unless the environment sets
 * {@code SUYUAN_REQUIRE_EXTERNAL=true} (CI does), which turns the skip into a failure: a CI run must
 * not pass by silently leaving out the decoder that is not ZXing. The executable can be overridden
 * with the system property {@code suyuan.zbarimg}, e.g. to show how a machine without it behaves.
 */
final class Zbar {

    static final String EXECUTABLE = System.getProperty("suyuan.zbarimg", "zbarimg");
    private static final boolean AVAILABLE = probe();

    private Zbar() {}

    static void assumeAvailable() {
        if (AVAILABLE) {
            return;
        }
        String missing = "zbarimg (Debian package zbar-tools, apt-get install -y zbar-tools) is not installed";
        if ("true".equalsIgnoreCase(System.getenv("SUYUAN_REQUIRE_EXTERNAL"))) {
            fail(missing + ", and SUYUAN_REQUIRE_EXTERNAL=true makes the independent decoder check mandatory");
        }
        String message = missing + ": skipping the independent decoder check";
        System.err.println("[SKIPPED] " + message);
        Assumptions.abort(message);
    }

    /** The texts zbar reads in the image, one per symbol found; empty if it finds none. */
    static List<String> decode(BufferedImage image) {
        try {
            Path file = Files.createTempFile("suyuan-zbar-", ".png");
            try {
                ImageIO.write(image, "png", file.toFile());
                return run(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Like {@link #decode(BufferedImage)} for encoded image bytes (e.g. a JPEG), written with the given suffix. */
    static List<String> decode(byte[] imageBytes, String suffix) {
        try {
            Path file = Files.createTempFile("suyuan-zbar-", suffix);
            try {
                Files.write(file, imageBytes);
                return run(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> run(Path file) throws IOException {
        Process process = new ProcessBuilder(EXECUTABLE, "--raw", "-q", "-Sdisable", "-Sqrcode.enable", file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("zbarimg did not finish in 30 s on " + file);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        // Exit status 4 means "no symbol found"; anything else non-zero is a failure of zbarimg itself.
        int status = process.exitValue();
        if (status != 0 && status != 4) {
            throw new IllegalStateException("zbarimg exited with " + status + " on " + file);
        }
        return output.lines().filter(line -> !line.isEmpty()).toList();
    }

    private static boolean probe() {
        try {
            Process process = new ProcessBuilder(EXECUTABLE, "--version")
                    .redirectErrorStream(true)
                    .start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
