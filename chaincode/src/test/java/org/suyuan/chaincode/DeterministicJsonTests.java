package org.suyuan.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DeterministicJsonTests {

    @Test
    void writesKeysInSortedOrderWithoutWhitespace() {
        TreeMap<String, Object> members = new TreeMap<>();
        members.put("zeta", 1L);
        members.put("alpha", "a");
        members.put("mid", null);

        assertThat(DeterministicJson.write(members)).isEqualTo("{\"alpha\":\"a\",\"mid\":null,\"zeta\":1}");
    }

    @Test
    void escapesQuotesBackslashesAndControlCharactersAndReadsThemBack() {
        TreeMap<String, Object> members = new TreeMap<>();
        members.put("text", "say \"hi\"\\\n\t\u0001 溯源");

        String json = DeterministicJson.write(members);

        assertThat(json).isEqualTo("{\"text\":\"say \\\"hi\\\"\\\\\\n\\t\\u0001 溯源\"}");
        assertThat(DeterministicJson.read(json)).isEqualTo(Map.of("text", "say \"hi\"\\\n\t\u0001 溯源"));
    }

    @Test
    void readsWhatItWroteIncludingNullsAndNegativeNumbers() {
        TreeMap<String, Object> members = new TreeMap<>();
        members.put("count", -42L);
        members.put("nothing", null);
        members.put("name", "x");

        assertThat(DeterministicJson.read(DeterministicJson.write(members)))
                .containsEntry("count", -42L)
                .containsEntry("nothing", null)
                .containsEntry("name", "x");
    }

    @Test
    void refusesNestedValuesTrailingTextAndDuplicateKeys() {
        assertThatIllegalArgumentException().isThrownBy(() -> DeterministicJson.read("{\"a\":{}}"));
        assertThatIllegalArgumentException().isThrownBy(() -> DeterministicJson.read("{\"a\":1} x"));
        assertThatIllegalArgumentException().isThrownBy(() -> DeterministicJson.read("{\"a\":1,\"a\":2}"));
        assertThatIllegalArgumentException().isThrownBy(() -> DeterministicJson.read("{\"a\":1"));
    }
}
