package com.kontor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.demo.DemoLogins;
import com.kontor.testsupport.ApiClient;
import com.kontor.testsupport.BrowserTest;
import com.kontor.ui.pages.BlacklistPage;
import com.kontor.ui.pages.DebtorDetailPage;
import com.kontor.ui.pages.LoginPage;
import java.util.Random;
import java.util.UUID;
import org.iban4j.CountryCode;
import org.iban4j.Iban;
import org.junit.jupiter.api.Test;

/**
 * BL-1, BL-2, BL-4 with BL-3: a SUPPORT user blacklists a debtor's IBAN from the debtor view, the shop's next direct
 * debit with that IBAN (for any debtor) is refused, the blacklist view lists the entry masked, and once it is taken
 * off the payment goes through.
 */
class BlacklistBrowserTest extends BrowserTest {

    static final String TEST_KEY = "kontor_test_demo_mueller_webshop";

    private ApiClient.Answer directDebit(ApiClient api, String customer, String iban) {
        return api.post(TEST_KEY, "/api/v1/payments", """
                {"type": "authorization", "customerId": "%s", "reference": "BL-1", "paymentMethod": "DIRECT_DEBIT",
                 "amount": {"value": 2500, "currency": "EUR"}, "bankAccount": {"holder": "Lena Lange", "iban": "%s"},
                 "debtor": {"firstName": "Lena", "lastName": "Lange", "country": "DE"}}""".formatted(customer, iban));
    }

    @Test
    void anIbanBlacklistedFromTheDebtorViewStopsDirectDebitsUntilItIsTakenOff() {
        ApiClient api = new ApiClient(port);
        String iban = new Iban.Builder()
                .countryCode(CountryCode.DE)
                .bankCode("37040044")
                .accountNumber(String.format("%010d", new Random().nextLong(10_000_000_000L)))
                .build()
                .toString();
        String masked = iban.substring(0, 4) + "…" + iban.substring(iban.length() - 4);
        String customer = "BL-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(directDebit(api, customer, iban).status()).isEqualTo(201);
        long debtorNumber = api.get(TEST_KEY, "/api/v1/debtors/" + customer).number("userId");

        DebtorDetailPage debtor = DebtorDetailPage.open(
                LoginPage.open(browser, url("")).loginAs("support@mueller.example", DemoLogins.PASSWORD),
                "test",
                debtorNumber,
                null);
        assertThat(debtor.blacklistState("iban-0")).isEqualTo("not blacklisted");
        // TX-8: the debit asked of the provider and its answer
        assertThat(debtor.openProviderLog()).contains("Request", "Answer", "debit", "APPROVED");
        debtor.close("provider-log-close");
        assertThat(debtor.bodyText()).contains(masked).doesNotContain(iban);
        debtor.blacklist("iban-0");

        ApiClient.Answer refused = directDebit(
                api,
                customer + "x",
                iban.substring(0, 4) + " " + iban.substring(4).toLowerCase());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("code")).isEqualTo("BLACKLISTED");

        BlacklistPage blacklist = BlacklistPage.open(debtor, "test");
        assertThat(blacklist.cells()).contains(masked);
        blacklist.remove(masked);
        assertThat(blacklist.cells()).doesNotContain(masked);
        assertThat(directDebit(api, customer + "y", iban).status()).isEqualTo(201);
    }
}
