package org.suyuan.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Secrets of the archive. Never committed: production reads the key from the environment
 * ({@code SUYUAN_SECURITY_PERSONAL_DATA_KEY}); the embedded profile keeps a generated one in a file under
 * {@code ./data} instead, so a trial installation needs no setup.
 *
 * @param personalDataKey 32 random bytes, Base64-encoded ({@code openssl rand -base64 32})
 * @param generatedKeyFile where to keep a generated key when none is configured; unset outside trials
 */
@ConfigurationProperties("suyuan.security")
record SecurityProperties(String personalDataKey, Path generatedKeyFile) {

    byte[] personalDataKeyBytes() {
        String key = personalDataKey;
        if ((key == null || key.isBlank()) && generatedKeyFile != null) {
            key = readOrGenerate(generatedKeyFile);
        }
        if (key == null || key.isBlank()) {
            throw new IllegalStateException("Set suyuan.security.personal-data-key (environment variable "
                    + "SUYUAN_SECURITY_PERSONAL_DATA_KEY) to 32 random bytes in Base64: openssl rand -base64 32");
        }
        byte[] bytes = Base64.getDecoder().decode(key.strip());
        if (bytes.length < 32) {
            throw new IllegalStateException("suyuan.security.personal-data-key must hold at least 32 bytes");
        }
        return bytes;
    }

    private static String readOrGenerate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII);
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String encoded = Base64.getEncoder().encodeToString(key);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, encoded, StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file inherits the folder's permissions.
            }
            return encoded;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the personal-data key in " + file, e);
        }
    }
}
