package com.kontor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.debtor.MasterData;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The demo's debtors read like people: a woman's first name comes with "Frau"/"Ms", a man's with "Herr"/"Mr". */
class LedgerDataGeneratorTest {

    @Test
    void theSalutationMatchesTheFirstNamesGender() {
        check(LedgerDataGenerator.GERMANY, "Frau", "Herr");
        check(LedgerDataGenerator.BRITAIN, "Ms", "Mr");
    }

    private static void check(LedgerDataGenerator.Market market, String woman, String man) {
        Random random = new Random(42);
        int people = 0;
        for (int i = 0; i < 500; i++) {
            MasterData data = LedgerDataGenerator.debtor(random, market, "T-", i, Instant.now())
                    .data();
            if (data.firstName() == null) {
                continue; // a company
            }
            people++;
            if (market.womensFirstNames().contains(data.firstName())) {
                assertThat(data.salutation()).as(data.firstName()).isEqualTo(woman);
            } else {
                assertThat(market.mensFirstNames()).contains(data.firstName());
                assertThat(data.salutation()).as(data.firstName()).isEqualTo(man);
            }
        }
        assertThat(people).isGreaterThan(300);
    }
}
