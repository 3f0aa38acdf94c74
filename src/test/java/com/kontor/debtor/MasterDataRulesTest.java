package com.kontor.debtor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 15, item 9: country, postcode per country, VAT id per EU member state and phone by format. */
class MasterDataRulesTest {

    private static MasterData address(String country, String postcode, String vatId, String phone) {
        return new MasterData(
                null, null, null, "Rule", null, null, null, postcode, null, country, null, phone, null, null, vatId);
    }

    @ParameterizedTest
    @CsvSource({
        "DE, 10115, true",
        "DE, 1011, false",
        "DE, 1011A, false",
        "AT, 1010, true",
        "AT, 10100, false",
        "CH, 8001, true",
        "CH, 80010, false",
        "FR, 75008, true",
        "FR, 7500, false",
        "NL, 1012 AB, true",
        "NL, 1012AB, true",
        "NL, 0123 AB, false",
        "NL, 1012, false",
        "GB, SW1A 1AA, true",
        "GB, M1 1AE, true",
        "GB, ec1a1bb, true",
        "GB, 12345, false",
        "PT, 1000-001, true",
        "PT, 1000_001, false",
        "PT, 1, false",
        ", ABC-12, true"
    })
    void postcodesFollowTheirCountry(String country, String postcode, boolean valid) {
        assertThat(MasterDataRules.problems(address(country, postcode, null, null)))
                .as(country + " " + postcode)
                .matches(problems -> problems.containsKey("postcode") != valid);
    }

    @ParameterizedTest
    @CsvSource({
        "DE123456789, true",
        "DE 123 456 789, true",
        "DE12345678, false",
        "ATU12345678, true",
        "AT12345678, false",
        "FR40303265045, true",
        "NL123456789B01, true",
        "NL123456789, false",
        "EL123456789, true",
        "IE1234567T, true",
        "SE123456789001, true",
        "SE123456789000, false",
        "CHE-123.456.789, true",
        "X, false",
        "12345678, false"
    })
    void vatIdsFollowTheirMemberState(String vatId, boolean valid) {
        assertThat(MasterDataRules.isVatId(vatId)).as(vatId).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({
        "+49 30 1234567, , true",
        "030 1234567, DE, true",
        "030 1234567, , false",
        "+44 20 7946 0958, DE, true",
        "+49 1, DE, false",
        "call me, DE, false",
        "+49 (0)30 1234567, DE, true",
        "12, AT, false"
    })
    void phoneNumbersAreE164LikeOrNationalInTheDebtorsCountry(String phone, String country, boolean valid) {
        assertThat(MasterDataRules.isPhoneNumber(phone, country)).as(phone).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({"DE, true", "GB, true", "ZZ, false", "XX, false", "UK, false"})
    void countriesAreIso3166(String country, boolean valid) {
        assertThat(MasterDataRules.problems(address(country, null, null, null)).containsKey("country"))
                .isEqualTo(!valid);
    }
}
