package org.suyuan.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.suyuan.problem.InvalidInputException;

class IdCardNumberTests {

    @ParameterizedTest
    @ValueSource(strings = {"340223197805124613", "11010519491231002X", "11010519491231002x"})
    void acceptsNumbersWithTheirGb11643CheckDigit(String number) {
        assertThat(IdCardNumber.parse(number).value()).isEqualToIgnoringCase(number);
    }

    @Test
    void showsOnlyTheMaskedForm() {
        IdCardNumber number = IdCardNumber.parse("340223197805124613");

        assertThat(number.masked()).isEqualTo("340223********4613");
        assertThat(number.toString()).isEqualTo("340223********4613");
    }

    @ParameterizedTest
    @ValueSource(strings = {"340223197805124614", "340223197813124613", "34022319780512461", "3402231978051246AX"})
    void refusesWrongCheckDigitsDatesAndLengths(String number) {
        assertThatThrownBy(() -> IdCardNumber.parse(number))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).slug()).isEqualTo("invalid-id-card"));
    }
}
