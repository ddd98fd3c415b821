package org.suyuan.archive;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Keeps ID-card numbers of individual growers unreadable at rest (个人信息保护法): AES-256-GCM for the value, and
 * a keyed HMAC fingerprint so that one person cannot be registered twice without the number being searchable.
 *
 * <p>Its keys are derived from {@code suyuan.security.personal-data-key}; lose it and the numbers cannot be read.
 */
@Component
public class PersonalDataProtection {

    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec fingerprintKey;
    private final SecretKeySpec networkKey;

    PersonalDataProtection(SecurityProperties properties) {
        byte[] master = properties.personalDataKeyBytes();
        this.encryptionKey = new SecretKeySpec(derive(master, "encryption"), "AES");
        this.fingerprintKey = new SecretKeySpec(derive(master, "fingerprint"), "HmacSHA256");
        this.networkKey = new SecretKeySpec(derive(master, "scan-network"), "HmacSHA256");
    }

    String encrypt(String plaintext) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is available on every Java runtime", e);
        }
    }

    String decrypt(String encrypted) {
        try {
            byte[] in = Base64.getDecoder().decode(encrypted);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, in, 0, NONCE_BYTES));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "Cannot decrypt personal data: wrong suyuan.security.personal-data-key?", e);
        }
    }

    String fingerprint(String value) {
        return HexFormat.of().formatHex(hmac(fingerprintKey, value.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A pseudonym for a client's coarse network (its IPv4 /24 or IPv6 /48 prefix): the same network always gives
     * the same 32 hex characters, and without the key nobody can tell which network it was. Scans store only this.
     */
    public String networkPseudonym(String networkPrefix) {
        byte[] mac = hmac(networkKey, networkPrefix.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac, 0, 16);
    }

    private static byte[] derive(byte[] master, String purpose) {
        return hmac(new SecretKeySpec(master, "HmacSHA256"), purpose.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is available on every Java runtime", e);
        }
    }
}
