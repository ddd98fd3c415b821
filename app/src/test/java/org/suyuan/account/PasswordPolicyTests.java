package org.suyuan.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "123456789",
                "1234567890",
                "13955312345",
                "aaaaaaaaaaaa",
                "qwertyuiop",
                "Password123",
                "1q2w3e4r5t",
                "woaini1314",
                "wangjianguo2026"
            })
    void refusesShortAllDigitRepeatedCommonAndUsernamePasswords(String password) {
        assertThat(PasswordPolicy.weakness("wangjianguo", password)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "suyuan-demo",
                "青弋江边上的番茄熟了",
                "correct horse battery",
                "Tomato-2026-dripline",
                "wangjianguo-greenhouse"
            })
    void acceptsPasswordsThatAreLongEnoughAndNotGuessable(String password) {
        assertThat(PasswordPolicy.weakness("wangjianguo", password)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"1234567890,全是数字", "qwertyuiop,常见密码", "short,至少需要 10", "farmer-2026-12,用户名"})
    void saysWhyInChinese(String password, String reason) {
        assertThat(PasswordPolicy.weakness("farmer", password)).get().asString().contains(reason);
    }
}
