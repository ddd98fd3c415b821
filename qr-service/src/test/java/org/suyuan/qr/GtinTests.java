package org.suyuan.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GtinTests {

    @Test
    void normalisesEveryGtinLengthToFourteenDigits() {
        assertThat(Gtin.parse("06901234567892").value()).isEqualTo("06901234567892");
        assertThat(Gtin.parse("4006381333931").value()).isEqualTo("04006381333931");
        assertThat(Gtin.parse("036000291452").value()).isEqualTo("00036000291452");
        assertThat(Gtin.parse("96385074").value()).isEqualTo("00000096385074");
        assertThat(Gtin.parse(" 4006381333931 ")).isEqualTo(Gtin.parse("04006381333931"));
    }

    @Test
    void rejectsAWrongCheckDigitAndSaysWhichIsRight() {
        assertThatThrownBy(() -> Gtin.parse("06901234567891"))
                .isInstanceOf(InvalidGtinException.class)
                .hasMessageContaining("should be 2");
        assertThatThrownBy(() -> Gtin.parse("4006381333932")).isInstanceOf(InvalidGtinException.class);
    }

    @Test
    void catchesEverySingleDigitError() {
        String gtin = "06901234567892";
        for (int position = 0; position < gtin.length(); position++) {
            for (char digit = '0'; digit <= '9'; digit++) {
                if (digit == gtin.charAt(position)) {
                    continue;
                }
                String typo = gtin.substring(0, position) + digit + gtin.substring(position + 1);
                assertThatThrownBy(() -> Gtin.parse(typo)).isInstanceOf(InvalidGtinException.class);
            }
        }
    }

    @Test
    void rejectsOtherLengthsAndNonDigits() {
        for (String bad : new String[] {"1234567", "123456789", "12345678901", "123456789012345"}) {
            assertThatThrownBy(() -> Gtin.parse(bad))
                    .as(bad)
                    .isInstanceOf(InvalidGtinException.class)
                    .hasMessageContaining("8, 12, 13 or 14 digits");
        }
        assertThatThrownBy(() -> Gtin.parse("690123456789X"))
                .isInstanceOf(InvalidGtinException.class)
                .hasMessageContaining("digits only");
        assertThatThrownBy(() -> Gtin.parse("６９０１２３４５６７８９２")).isInstanceOf(InvalidGtinException.class);
        assertThatThrownBy(() -> Gtin.parse("")).isInstanceOf(InvalidGtinException.class);
        assertThatThrownBy(() -> Gtin.parse(null)).isInstanceOf(InvalidGtinException.class);
    }
}
