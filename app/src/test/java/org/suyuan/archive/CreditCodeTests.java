package org.suyuan.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.suyuan.problem.InvalidInputException;

class CreditCodeTests {

    @ParameterizedTest
    @ValueSource(strings = {"93340210MA2NQ8KX4X", "92340223MA2T5R1L02", "91110000600037341L", "91110108551385082Q"})
    void acceptsCodesWithTheirGb32100CheckCharacter(String code) {
        assertThat(CreditCode.parse(code).value()).isEqualTo(code);
    }

    @Test
    void normalisesCaseAndSpaces() {
        assertThat(CreditCode.parse(" 93340210ma2nq8kx4x ").value()).isEqualTo("93340210MA2NQ8KX4X");
    }

    @Test
    void extractsTheRegionCode() {
        assertThat(CreditCode.parse("93340210MA2NQ8KX4X").regionCode()).isEqualTo("340210");
    }

    @Test
    void catchesEverySingleCharacterTypo() {
        String valid = "93340210MA2NQ8KX4X";
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        for (int position = 0; position < 18; position++) {
            for (char replacement : alphabet.toCharArray()) {
                if (replacement == valid.charAt(position)
                        || (position >= 2 && position < 8 && !Character.isDigit(replacement))) {
                    continue;
                }
                String typo = valid.substring(0, position) + replacement + valid.substring(position + 1);
                assertThatThrownBy(() -> CreditCode.parse(typo))
                        .as("typo %s", typo)
                        .isInstanceOf(InvalidInputException.class);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "9334021", "93340210MA2NQ8KX4XX", "93340210MA2NQ8KX4I", "93ABCDEFMA2NQ8KX4X"})
    void refusesMalformedCodes(String code) {
        assertThatThrownBy(() -> CreditCode.parse(code))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).slug()).isEqualTo("invalid-credit-code"));
    }
}
