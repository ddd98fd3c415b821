package org.suyuan.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a password must be: at least 10 characters (and at most 200), not only digits (a phone number, a date, an
 * ID number: the first things tried), not a single character repeated, not a common password, and not the username
 * with a few digits or symbols around it. Checked wherever a password is set: new users, the bootstrap administrator,
 * a changed password.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 200;

    private static final Set<String> COMMON = load("/account/common-passwords.txt");

    private PasswordPolicy() {}

    /** Why this password is refused for this user, in Chinese; empty when it is acceptable. */
    static Optional<String> weakness(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("密码至少需要 " + MIN_LENGTH + " 个字符。");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("密码最多 " + MAX_LENGTH + " 个字符。");
        }
        if (password.chars().allMatch(Character::isDigit)) {
            return Optional.of("密码不能全是数字（手机号、日期、证件号最先被猜到），请加入字母或符号。");
        }
        if (password.chars().distinct().count() == 1) {
            return Optional.of("密码不能是同一个字符的重复。");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            return Optional.of("这是常见密码，很容易被猜到，请换一个。");
        }
        if (username != null && username.length() >= 3 && isUsernamePlusLittle(lower, username)) {
            return Optional.of("密码不能是用户名，或用户名加上几个数字、符号。");
        }
        return Optional.empty();
    }

    /**
     * The username with a few characters around it ({@code farmer2026}, {@code Farmer-123!}): what is left without
     * the username is short, or has no letter in it.
     */
    private static boolean isUsernamePlusLittle(String lowerPassword, String username) {
        String name = username.toLowerCase(Locale.ROOT);
        if (!lowerPassword.contains(name)) {
            return false;
        }
        String rest = lowerPassword.replace(name, "");
        return rest.length() < 6 || rest.codePoints().noneMatch(Character::isLetter);
    }

    /** Refuses a weak password with a 400 naming the field. */
    static void require(String field, String username, String password) {
        weakness(username, password).ifPresent(reason -> {
            throw new WeakPasswordException(field, reason);
        });
    }

    private static Set<String> load(String resource) {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return reader.lines()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                        .map(line -> line.toLowerCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
