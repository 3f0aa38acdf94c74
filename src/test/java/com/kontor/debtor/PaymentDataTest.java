package com.kontor.debtor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kontor.tenancy.OperationRefused;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** DEB-3, DEB-4: IBANs and BICs validated (published example IBANs), cards never as full numbers. */
class PaymentDataTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "DE89 3704 0044 0532 0130 00",
                "de89370400440532013000",
                "GB82 WEST 1234 5698 7654 32",
                "FR14 2004 1010 0505 0001 3M02 606",
                "NL91 ABNA 0417 1643 00",
                "AT61 1904 3002 3457 3201",
                "CH93 0076 2011 6238 5295 7",
                "BE68 5390 0754 7034"
            })
    void publishedExampleIbansAreAcceptedWhateverTheirSpacingAndCase(String input) {
        Iban iban = Iban.parse(input);
        assertThat(iban.value()).doesNotContain(" ").isUpperCase();
    }

    @ParameterizedTest
    @CsvSource({
        "DE88 3704 0044 0532 0130 00, iban.checkDigit",
        "DE89 3704 0044 0532 0130, iban.format",
        "DE89-3704-0044-0532-0130-00, iban.format",
        "US12 3456 7890 1234 5678 90, iban.country",
        "XX89 3704 0044 0532 0130 00, iban.format",
        "'', iban.format"
    })
    void invalidIbansAreRefusedOnTheIbanFieldWithTheReason(String input, String messageKey) {
        assertThatThrownBy(() -> Iban.parse(input)).isInstanceOfSatisfying(OperationRefused.class, e -> {
            assertThat(e.field()).isEqualTo("iban");
            assertThat(e.messageKey()).isEqualTo(messageKey);
        });
    }

    @Test
    void anIbanShowsAndLogsOnlyItsFirstAndLastFourCharacters() {
        Iban iban = Iban.parse("DE89 3704 0044 0532 0130 00");
        assertThat(iban.masked()).isEqualTo("DE89…3000");
        assertThat(iban.toString()).isEqualTo("DE89…3000").doesNotContain("37040044");
        assertThat(Iban.parse("de89370400440532013000")).isEqualTo(iban);
    }

    @Test
    void bicsAreValidated() {
        assertThat(Bic.parse(" deutdeff ").value()).isEqualTo("DEUTDEFF");
        assertThat(Bic.parse("DEUTDEFF500").value()).isEqualTo("DEUTDEFF500");
        assertThatThrownBy(() -> Bic.parse("DEUT1EFF"))
                .isInstanceOfSatisfying(
                        OperationRefused.class, e -> assertThat(e.field()).isEqualTo("bic"));
    }
}
