package org.suyuan.account;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.suyuan.ledger.RecordHash;

/** Bearer-token secrets: 256 random bits, shown once, stored only as their SHA-256. */
final class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "sy_";

    private ApiTokens() {}

    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hashOf(String secret) {
        return RecordHash.sha256(secret.getBytes(StandardCharsets.UTF_8)).hex();
    }
}
