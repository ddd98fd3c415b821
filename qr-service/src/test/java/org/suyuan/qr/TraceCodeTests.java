package org.suyuan.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TraceCodeTests {

    private static final String ALPHABET = TraceCode.ALPHABET;

    @Test
    void hasSixteenDataCharactersAndOneCheckCharacterFromCrockfordsAlphabet() {
        for (TraceCode code : QrFixtures.traceCodes(200)) {
            assertThat(code.value()).hasSize(17).matches("[0-9A-HJKMNP-TV-Z]{17}");
        }
    }

    @Test
    void carriesEightyRandomBitsMostSignificantFirst() {
        assertThat(new TraceCodeGenerator(scripted((byte) 0)).next().value()).startsWith("0".repeat(16));
        assertThat(new TraceCodeGenerator(scripted((byte) 0xFF)).next().value()).startsWith("Z".repeat(16));
        // 0x84 0x21 0x08 0x42 0x10 repeated is 10000 10000 10000 ... : every 5-bit group is 16 = 'G'.
        byte[] pattern = {(byte) 0x84, 0x21, 0x08, 0x42, 0x10, (byte) 0x84, 0x21, 0x08, 0x42, 0x10};
        assertThat(new TraceCodeGenerator(scripted(pattern)).next().value()).startsWith("G".repeat(16));
    }

    @Test
    void spreadsRandomBitsEvenlyOverEveryPosition() {
        List<TraceCode> codes = new TraceCodeGenerator().next(32_000);
        assertThat(new HashSet<>(codes)).hasSize(codes.size());
        for (int position = 0; position < 16; position++) {
            int[] counts = new int[32];
            for (TraceCode code : codes) {
                counts[ALPHABET.indexOf(code.value().charAt(position))]++;
            }
            // 1,000 expected per symbol; chi-square with 31 degrees of freedom stays far below 80 unless biased.
            double chiSquare = Arrays.stream(counts)
                    .mapToDouble(count -> Math.pow(count - 1000, 2) / 1000)
                    .sum();
            assertThat(chiSquare).as("chi-square at position %d", position).isLessThan(80);
        }
    }

    @Test
    void catchesEverySingleCharacterSubstitution() {
        for (TraceCode code : QrFixtures.traceCodes(300)) {
            char[] chars = code.value().toCharArray();
            for (int position = 0; position < chars.length; position++) {
                char original = chars[position];
                for (char replacement : ALPHABET.toCharArray()) {
                    if (replacement == original) {
                        continue;
                    }
                    chars[position] = replacement;
                    String typo = new String(chars);
                    assertThatThrownBy(() -> TraceCode.parse(typo))
                            .as("substitution at %d in %s", position, code)
                            .isInstanceOf(InvalidTraceCodeException.class)
                            .hasMessageContaining("check character");
                }
                chars[position] = original;
            }
        }
    }

    @Test
    void catchesEveryTranspositionOfAdjacentCharacters() {
        for (TraceCode code : QrFixtures.traceCodes(3_000)) {
            for (int position = 0; position + 1 < TraceCode.LENGTH; position++) {
                String swapped = swap(code.value(), position, position + 1);
                if (!swapped.equals(code.value())) {
                    assertThatThrownBy(() -> TraceCode.parse(swapped))
                            .as("transposition at %d in %s", position, code)
                            .isInstanceOf(InvalidTraceCodeException.class);
                }
            }
        }
    }

    @Test
    void catchesTheTranspositionThatLuhnModThirtyTwoMisses() {
        // Luhn mod 32 cannot tell "0Z" from "Z0"; this scheme must.
        int[] data = new int[16];
        data[0] = 0;
        data[1] = 31;
        TraceCode code = TraceCode.fromDataValues(data);
        String swapped = swap(code.value(), 0, 1);
        assertThat(swapped).startsWith("Z0");
        assertThatThrownBy(() -> TraceCode.parse(swapped)).isInstanceOf(InvalidTraceCodeException.class);
    }

    @Test
    void catchesEveryTranspositionOfAnyTwoCharactersForOneCode() {
        TraceCode code = QrFixtures.traceCode();
        for (int i = 0; i < TraceCode.LENGTH; i++) {
            for (int j = i + 1; j < TraceCode.LENGTH; j++) {
                String swapped = swap(code.value(), i, j);
                if (!swapped.equals(code.value())) {
                    assertThatThrownBy(() -> TraceCode.parse(swapped)).isInstanceOf(InvalidTraceCodeException.class);
                }
            }
        }
    }

    @Test
    void parsesCaseInsensitivelyWithCrockfordsLookAlikesAndHyphens() {
        TraceCode code = codeContaining('0', '1');
        String typed =
                code.value().toLowerCase(Locale.ROOT).replaceFirst("0", "o").replaceFirst("1", "l");
        assertThat(TraceCode.parse(typed)).isEqualTo(code);
        assertThat(TraceCode.parse(code.value().replace('1', 'I'))).isEqualTo(code);
        assertThat(TraceCode.parse("  " + code.grouped() + " ")).isEqualTo(code);
        assertThat(new TraceCode(code.value().toLowerCase(Locale.ROOT)).value()).isEqualTo(code.value());
    }

    @Test
    void printsGroupedFourFourFourFive() {
        TraceCode code = QrFixtures.traceCode();
        assertThat(code.grouped()).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{5}");
        assertThat(code.grouped().replace("-", "")).isEqualTo(code.value());
    }

    @Test
    void rejectsWrongLength() {
        String value = QrFixtures.traceCode().value();
        assertThatThrownBy(() -> TraceCode.parse(value.substring(1)))
                .isInstanceOf(InvalidTraceCodeException.class)
                .hasMessageContaining("17 characters");
        assertThatThrownBy(() -> TraceCode.parse(value + "0"))
                .isInstanceOf(InvalidTraceCodeException.class)
                .hasMessageContaining("got 18");
    }

    @Test
    void rejectsCharactersOutsideTheAlphabet() {
        String value = QrFixtures.traceCode().value();
        for (String bad : List.of("U", "*", "~", "$", "=", " ", "_", "é", "中", "Ｚ")) {
            assertThatThrownBy(() -> TraceCode.parse(value.substring(0, 5) + bad + value.substring(6)))
                    .as(bad)
                    .isInstanceOf(InvalidTraceCodeException.class)
                    .hasMessageContaining("not a trace code character");
        }
    }

    @Test
    void rejectsNothing() {
        assertThatThrownBy(() -> TraceCode.parse(null)).isInstanceOf(InvalidTraceCodeException.class);
        assertThatThrownBy(() -> TraceCode.parse("   ")).isInstanceOf(InvalidTraceCodeException.class);
    }

    @Test
    void findsTheCodeInAScannedTraceUrl() {
        TraceCode code = QrFixtures.traceCode();
        assertThat(TraceCode.fromTraceUrl(
                        QrContent.traceUrl(QrFixtures.BASE_URL, code).text()))
                .contains(code);
        assertThat(TraceCode.fromTraceUrl("https://x.cn/t/" + code.value() + "?src=wechat#top"))
                .contains(code);
        assertThat(TraceCode.fromTraceUrl("https://x.cn/01/06901234567892/10/B1"))
                .isEmpty();
        assertThat(TraceCode.fromTraceUrl("https://x.cn/t/NOTACODE")).isEmpty();
        assertThat(TraceCode.fromTraceUrl(null)).isEmpty();
    }

    private static String swap(String value, int i, int j) {
        char[] chars = value.toCharArray();
        char first = chars[i];
        chars[i] = chars[j];
        chars[j] = first;
        return new String(chars);
    }

    private static TraceCode codeContaining(char first, char second) {
        TraceCodeGenerator generator = QrFixtures.seededGenerator(7);
        while (true) {
            TraceCode code = generator.next();
            if (code.value().indexOf(first) >= 0 && code.value().indexOf(second) >= 0) {
                return code;
            }
        }
    }

    /** A SecureRandom that hands out the same bytes over and over. */
    private static SecureRandom scripted(byte... bytes) {
        return new SecureRandom() {
            private int next;

            @Override
            public void nextBytes(byte[] out) {
                for (int i = 0; i < out.length; i++) {
                    out[i] = bytes[next++ % bytes.length];
                }
            }
        };
    }
}
