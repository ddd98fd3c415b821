package org.suyuan.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DigitalLinkTests {

    private static final Gtin GTIN = Gtin.parse("06901234567892");

    @Test
    void buildsBatchAndItemPaths() {
        assertThat(DigitalLink.forBatch(GTIN, "B2026-117").path()).isEqualTo("/01/06901234567892/10/B2026-117");
        TraceCode serial = QrFixtures.traceCode();
        assertThat(DigitalLink.forItem(GTIN, "B2026-117", serial.value()).path())
                .isEqualTo("/01/06901234567892/10/B2026-117/21/" + serial.value());
    }

    @Test
    void writesTheGtinAsFourteenDigitsWhateverWasGiven() {
        assertThat(DigitalLink.forBatch(Gtin.parse("4006381333931"), "L1").path())
                .isEqualTo("/01/04006381333931/10/L1");
        assertThat(DigitalLink.parsePath("/01/4006381333931/10/L1").gtin().value())
                .isEqualTo("04006381333931");
    }

    @Test
    void refusesCharactersOutsideTheGs1Set() {
        for (String lot : new String[] {"A#1", "A 1", "A~1", "A$1", "A@1", "A[1", "A\\1", "A^1", "A`1", "A{1"}) {
            assertThatThrownBy(() -> DigitalLink.forBatch(GTIN, lot))
                    .as(lot)
                    .isInstanceOf(InvalidDigitalLinkException.class);
        }
    }

    @Test
    void roundTripsEveryCharacterOfTheGs1Set() {
        String lot = "A/B%C?D&E+F,G:H;I";
        String serial = "x!\"'()*<=>_-.9zZ";
        DigitalLink link = DigitalLink.forItem(GTIN, lot, serial);
        assertThat(link.path())
                .isEqualTo("/01/06901234567892/10/A%2FB%25C%3FD%26E%2BF%2CG%3AH%3BI"
                        + "/21/x%21%22%27%28%29%2A%3C%3D%3E_-.9zZ");
        assertThat(DigitalLink.parsePath(link.path())).isEqualTo(link);
    }

    @Test
    void parsesBothFormsAndLowerCaseHexAndATrailingSlash() {
        assertThat(DigitalLink.parsePath("/01/06901234567892/10/B2026-117"))
                .isEqualTo(DigitalLink.forBatch(GTIN, "B2026-117"));
        assertThat(DigitalLink.parsePath("/01/06901234567892/10/A%2fB/21/S1/"))
                .isEqualTo(DigitalLink.forItem(GTIN, "A/B", "S1"));
        assertThat(DigitalLink.parsePath("/01/06901234567892/10/B1").hasSerial())
                .isFalse();
    }

    @Test
    void rejectsAWrongGtinCheckDigit() {
        assertThatThrownBy(() -> DigitalLink.parsePath("/01/06901234567891/10/B1"))
                .isInstanceOf(InvalidDigitalLinkException.class)
                .hasCauseInstanceOf(InvalidGtinException.class)
                .hasMessageContaining("should be 2");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "01/06901234567892/10/B1",
                "/01/06901234567892",
                "/01/06901234567892/21/S1",
                "/01/06901234567892/10/B1/21",
                "/01/06901234567892/10/B1/21/S1/22/X",
                "/01/06901234567892/10//21/S1",
                "/01/06901234567892/10/B1/10/S1",
                "/00/06901234567892/10/B1",
                "/01/0690123456789X/10/B1",
                "/01/06901234567892/10/123456789012345678901",
                "/01/06901234567892/10/B 1",
                "/01/06901234567892/10/B!1",
                "/01/06901234567892/10/B%2",
                "/01/06901234567892/10/B%G1",
                "/01/06901234567892/10/B%231",
                "/01/06901234567892/10/%E4%B8%AD",
                "/01/06901234567892/10/番茄",
                "//01/06901234567892/10/B1",
                "/01/06901234567892/10/B1//"
            })
    void rejectsMalformedPaths(String path) {
        assertThatThrownBy(() -> DigitalLink.parsePath(path)).isInstanceOf(InvalidDigitalLinkException.class);
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> DigitalLink.parsePath(null)).isInstanceOf(InvalidDigitalLinkException.class);
    }

    @Test
    void refusesLotsAndSerialsOutsideTheGs1Rules() {
        assertThatThrownBy(() -> DigitalLink.forBatch(GTIN, "")).isInstanceOf(InvalidDigitalLinkException.class);
        assertThatThrownBy(() -> DigitalLink.forBatch(GTIN, "x".repeat(21)))
                .isInstanceOf(InvalidDigitalLinkException.class);
        assertThatThrownBy(() -> DigitalLink.forBatch(GTIN, "批次1"))
                .isInstanceOf(InvalidDigitalLinkException.class)
                .hasMessageContaining("AI 10");
        assertThatThrownBy(() -> DigitalLink.forItem(GTIN, "B1", "S 1"))
                .isInstanceOf(InvalidDigitalLinkException.class)
                .hasMessageContaining("AI 21");
        assertThat(DigitalLink.forBatch(GTIN, "x".repeat(20)).lot()).hasSize(20);
    }

    @Test
    void takesATraceCodeAsItsSerial() {
        TraceCode code = QrFixtures.traceCode();
        DigitalLink link = DigitalLink.forItem(GTIN, "B2026-117", code.value());
        assertThat(TraceCode.parse(DigitalLink.parsePath(link.path()).serial())).isEqualTo(code);
    }
}
