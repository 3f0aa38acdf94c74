package com.kontor.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DEB-4 and API.md's strict text: card numbers, control and bidirectional characters, lone surrogates. */
class FreeTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"4111 1111 1111 1111", "5555-5555-5555-4444", "378282246310005", "4012888888881881"})
    void fullCardNumbersAreRecognised(String pan) {
        assertThat(CardNumbers.isFullCardNumber(pan)).isTrue();
        assertThat(FreeText.problem(pan)).isEqualTo(FreeText.Problem.CARD_NUMBER);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Order 4111 1111 1111 1111, please",
                "pay with 5555555555554444 today",
                "Karte: 3782-822463-10005"
            })
    void aCardNumberInsideATextIsFound(String text) {
        assertThat(FreeText.problem(text)).isEqualTo(FreeText.Problem.CARD_NUMBER);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "4111111111111112", // Luhn fails
                "tok_9f8e7d6c5b4a",
                "411111",
                "41111111111111111111", // 20 digits
                "DE89 3704 0044 0532 0130 00", // an IBAN
                "GB82 WEST 1234 5698 7654 32",
                "ORD-2026-100000123",
                "1000000000000009" // passes Luhn, but no card network starts with 1
            })
    void tokensIbansAndOrderNumbersAreNotTakenForCardNumbers(String value) {
        assertThat(CardNumbers.isFullCardNumber(value)).isFalse();
        assertThat(FreeText.problem(value)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Anna\u202Eevil", "a\u2066b", "x\u200Fy", "tab\there", "line\nbreak", "nul\u0000"})
    void controlAndBidirectionalCharactersAreRefused(String value) {
        assertThat(FreeText.problem(value)).isEqualTo(FreeText.Problem.CONTROL_CHARACTER);
    }

    @Test
    void aCommentMayHaveLineBreaksButNoOtherControls() {
        assertThat(FreeText.problem("first line\nsecond line", true)).isNull();
        assertThat(FreeText.problem("first line\n\u202Esecond", true)).isEqualTo(FreeText.Problem.CONTROL_CHARACTER);
    }

    @Test
    void aLoneSurrogateIsNoTextButAPairIs() {
        assertThat(FreeText.problem("a\uD800b")).isEqualTo(FreeText.Problem.LONE_SURROGATE);
        assertThat(FreeText.problem("a\uDC00")).isEqualTo(FreeText.Problem.LONE_SURROGATE);
        assertThat(FreeText.problem("Zoë 😀 Müller")).isNull();
    }
}
