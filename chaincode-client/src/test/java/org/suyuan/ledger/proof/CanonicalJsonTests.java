package org.suyuan.ledger.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalJsonTests {

    @ParameterizedTest
    @ValueSource(strings = {"arrays", "french", "structures", "unicode", "values", "weird"})
    void canonicalisesThePublishedVectorsByteForByte(String name) {
        String input = TestVectors.text("jcs/input/" + name + ".json");
        byte[] expected = TestVectors.bytes("jcs/output/" + name + ".json");

        assertThat(CanonicalJson.canonicalUtf8(input)).isEqualTo(expected);
        assertThat(CanonicalJson.canonicalize(input)).isEqualTo(new String(expected, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"arrays", "french", "structures", "unicode", "values", "weird"})
    void canonicalFormIsItsOwnCanonicalForm(String name) {
        String canonical = TestVectors.text("jcs/output/" + name + ".json");

        assertThat(CanonicalJson.isCanonical(canonical)).isTrue();
        assertThat(CanonicalJson.isCanonical(TestVectors.text("jcs/input/" + name + ".json")))
                .isFalse();
    }

    @Test
    void serialisesNumbersAsEcmaScriptDoes() throws IOException {
        List<String> failures = new ArrayList<>();
        List<String> lines = Files.readAllLines(TestVectors.path("jcs/es6-numbers.txt"), StandardCharsets.US_ASCII);
        for (String line : lines) {
            String[] fields = line.split(",", 2);
            double value = Double.longBitsToDouble(Long.parseUnsignedLong(fields[0], 16));
            String actual = CanonicalJson.canonicalize("[" + Double.toString(value) + "]");
            if (!actual.equals("[" + fields[1] + "]")) {
                failures.add(line + " gave " + actual);
            }
        }

        assertThat(lines).hasSize(400);
        assertThat(failures).isEmpty();
    }

    @Test
    void sortsMembersByUtf16CodeUnitsAndDropsWhitespace() {
        assertThat(CanonicalJson.canonicalize(
                        "{ \"b\" : [ 1.0 , \"\\u00e9\" ], \"a\" : null, \"\\ud83d\\ude02\": 1, \"\\ufb33\": 2 }"))
                .isEqualTo("{\"a\":null,\"b\":[1,\"é\"],\"\uD83D\uDE02\":1,\"\uFB33\":2}");
    }

    @Test
    void rejectsDuplicateMemberNames() {
        assertThatThrownBy(() -> CanonicalJson.canonicalize("{\"quantity\":1,\"quantity\":2}"))
                .isInstanceOf(CanonicalJsonException.class)
                .hasMessageContaining("Duplicate");
    }

    @Test
    void rejectsUnpairedSurrogatesInsteadOfReplacingThem() {
        assertThatThrownBy(() -> CanonicalJson.canonicalize("[\"\\ud800\"]"))
                .isInstanceOf(CanonicalJsonException.class)
                .hasMessageContaining("surrogate");
    }

    @Test
    void rejectsNumbersOutsideDoubleRange() {
        assertThatThrownBy(() -> CanonicalJson.canonicalize("[1e400]")).isInstanceOf(CanonicalJsonException.class);
    }

    @Test
    void rejectsTrailingTextAndTopLevelScalars() {
        assertThatThrownBy(() -> CanonicalJson.canonicalize("{\"a\":1} {\"b\":2}"))
                .isInstanceOf(CanonicalJsonException.class);
        assertThatThrownBy(() -> CanonicalJson.canonicalize("\"text\"")).isInstanceOf(CanonicalJsonException.class);
        assertThatThrownBy(() -> CanonicalJson.canonicalize(null)).isInstanceOf(CanonicalJsonException.class);
    }
}
