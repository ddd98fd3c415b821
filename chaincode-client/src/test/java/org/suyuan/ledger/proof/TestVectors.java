package org.suyuan.ledger.proof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the published test vectors copied into {@code src/test/resources/vectors} (see the README there). */
final class TestVectors {

    private TestVectors() {}

    static Path path(String relative) {
        URL url = TestVectors.class.getClassLoader().getResource("vectors/" + relative);
        if (url == null) {
            throw new IllegalStateException("Missing test vectors: vectors/" + relative);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String relative) {
        return new String(bytes(relative), StandardCharsets.UTF_8);
    }
}
