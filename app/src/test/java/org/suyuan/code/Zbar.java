package org.suyuan.code;

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
import org.suyuan.db.TestDatabases;

/**
 * The independent decoder, zbar's {@code zbarimg} (Debian {@code zbar-tools}), as the qr-service tests run it.
 * Missing, it skips the check with a visible message, unless {@code SUYUAN_REQUIRE_EXTERNAL=true} (CI) turns the
 * skip into a failure.
 */
final class Zbar {

    private static final String EXECUTABLE = System.getProperty("suyuan.zbarimg", "zbarimg");
    private static final boolean AVAILABLE = probe();

    private Zbar() {}

    static void assumeAvailable() {
        if (AVAILABLE) {
            return;
        }
        String missing = "zbarimg (Debian package zbar-tools, apt-get install -y zbar-tools) is not installed";
        if (TestDatabases.externalServicesRequired()) {
            fail(missing + ", and " + TestDatabases.REQUIRE_VARIABLE + "=true makes the independent decoder mandatory");
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
                return decode(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Like {@link #decode(BufferedImage)} for image bytes as served (a PNG). */
    static List<String> decode(byte[] png) {
        try {
            Path file = Files.createTempFile("suyuan-zbar-", ".png");
            try {
                Files.write(file, png);
                return decode(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> decode(Path file) throws IOException {
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
