package org.suyuan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedProxyPropertiesTests {

    @Test
    void addressesBecomeSingleAddressBlocksAndBlanksAreDropped() {
        TrustedProxyProperties properties =
                new TrustedProxyProperties(List.of(" 10.0.0.7 ", "10.1.0.0/16", "", "::1", "fd00::/8"));

        assertThat(properties.trustedProxies()).containsExactly("10.0.0.7/32", "10.1.0.0/16", "::1/128", "fd00::/8");
    }

    @Test
    void nothingConfiguredTrustsNoOne() {
        assertThat(new TrustedProxyProperties(List.of()).trustedProxies()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"proxy.example.com", "10.0.0.0/33", "10.0.0.0/x", "10.0.0.*", "::1/129", "10.0.0.0/-1"})
    void refusesWhatIsNotAnAddressOrBlock(String entry) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TrustedProxyProperties(List.of(entry)))
                .withMessageContaining(entry);
    }
}
