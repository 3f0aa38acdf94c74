package com.kontor.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** DUN-1: placeholders are filled per process; unknown ones are found for the validation. */
class DunningTextsTest {

    @Test
    void fillReplacesEveryKnownPlaceholderWithItsValueAndLeavesTheRestAlone() {
        String filled = DunningTexts.fill(
                "Dear {name}, {openAmount} of invoice {invoiceNumber} ({level}) is due; pay {total} by {payBy}. {name}",
                Map.of(
                        "name", "Jane Doe",
                        "openAmount", "€119.00",
                        "invoiceNumber", "RE-42",
                        "level", "2",
                        "{total}", "€124.00",
                        "payBy", "Dec 21, 2026"));
        assertThat(filled)
                .isEqualTo("Dear Jane Doe, €119.00 of invoice RE-42 (2) is due; pay €124.00 by Dec 21, 2026. Jane Doe");
    }

    @Test
    void aKnownPlaceholderWithoutValueBecomesEmptyAndAnUnknownOneStaysAsWritten() {
        assertThat(DunningTexts.fill("Fee: {fee}. {nmae} {merchant}", Map.of("merchant", "Müller")))
                .isEqualTo("Fee: . {nmae} Müller");
    }

    @Test
    void valuesWithDollarSignsAndBackslashesAreTakenLiterally() {
        assertThat(DunningTexts.fill("Total {total}", Map.of("total", "$1\\2"))).isEqualTo("Total $1\\2");
    }

    @Test
    void unknownPlaceholdersAreListedOnceInOrder() {
        assertThat(DunningTexts.unknownPlaceholders("{name} {nmae} {Name} {nmae} {total} { fee}"))
                .containsExactly("{nmae}", "{Name}", "{ fee}");
        assertThat(DunningTexts.unknownPlaceholders(String.join(" ", DunningTexts.PLACEHOLDERS)))
                .isEmpty();
    }

    @Test
    void theGermanDefaultsUseOnlyKnownPlaceholders() {
        DunningProcedure defaults = DunningProcedures.germanDefaults();
        assertThat(DunningProcedures.validate(defaults)).isEmpty();
        assertThat(defaults.levels()).extracting(DunningLevelRule::fee).containsExactly(0L, 500L, 1000L);
        assertThat(defaults.levels()).extracting(DunningLevelRule::days).containsExactly(7, 14, 14);
        assertThat(defaults.tolerance()).isEqualTo(500);
        assertThat(defaults.interest()).isEqualTo(new InterestRules(true, true, true, 127, 500, 900, 4000));
        // the letter prints its own table of amounts; its text names the order, the email names the amounts
        assertThat(defaults.level(2).orElseThrow().textsIn("en").letter()).contains("{name}", "{reference}");
        assertThat(defaults.level(2).orElseThrow().textsIn("en").emailBody()).contains("{fee}", "{total}");
    }

    @Test
    void theAuditKeepsShortTextsWholeAndLongOnesAsStartLengthAndHash() {
        assertThat(DunningProcedures.auditText("Dear {name}")).isEqualTo("Dear {name}");
        String longText = "x".repeat(4000);
        String kept = DunningProcedures.auditText(longText);
        assertThat(kept)
                .startsWith("x".repeat(160) + "… (4000 characters, sha256 ")
                .hasSizeLessThan(220);
        assertThat(DunningProcedures.auditText(longText.substring(1) + "y")).isNotEqualTo(kept);
    }
}
