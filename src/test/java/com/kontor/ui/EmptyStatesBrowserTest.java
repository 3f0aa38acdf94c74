package com.kontor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.demo.DemoLogins;
import com.kontor.testsupport.ApiClient;
import com.kontor.testsupport.BrowserTest;
import com.kontor.ui.pages.AppPage;
import com.kontor.ui.pages.DebtorDetailPage;
import com.kontor.ui.pages.LoginPage;
import com.kontor.ui.pages.SearchPage;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Nothing to show is said in words: the search before its first run, a provider log without exchanges. */
class EmptyStatesBrowserTest extends BrowserTest {

    @Test
    void theSearchStartsWithAHintWhatToEnterInEnglishAndGerman() {
        AppPage app = LoginPage.open(browser, url("")).loginAs("support@mueller.example", DemoLogins.PASSWORD);
        app.waitForPath("/live/debtors");
        SearchPage search = new SearchPage(browser, url(""));
        assertThat(search.message()).startsWith("Enter a name, customer or debtor number, TXID");
        search.criterion(1, "Customer number", "K-00001").search();
        assertThat(search.message()).isEmpty(); // rows shown: the hint has done its work

        app.chooseLanguage("DE");
        search = new SearchPage(browser, url(""));
        assertThat(search.message()).startsWith("Geben Sie einen Namen, eine Kunden- oder Debitorennummer");
        app.chooseLanguage("EN");
    }

    @Test
    void anEmptyProviderLogSaysSo() {
        // an invoice the shop sent: Kontor keeps it, no provider is involved
        String customer = "E-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Answer created = new ApiClient(port)
                .post("kontor_test_demo_mueller_webshop", "/api/v1/payments", """
                        {"type": "authorization", "customerId": "%s", "reference": "ORD-E", "paymentMethod": "INVOICE",
                         "amount": {"value": 1500, "currency": "EUR"},
                         "debtor": {"firstName": "Erna", "lastName": "Leer", "city": "Köln", "country": "DE"}}""".formatted(customer));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long txid = created.number("txid");
        long debtorNumber = new ApiClient(port)
                .get("kontor_test_demo_mueller_webshop", "/api/v1/debtors/" + customer)
                .number("userId");

        AppPage app = LoginPage.open(browser, url("")).loginAs("support@mueller.example", DemoLogins.PASSWORD);
        DebtorDetailPage debtor = DebtorDetailPage.open(app, "test", debtorNumber, txid);
        assertThat(debtor.openProviderLog()).doesNotContain("Request", "Answer");
        assertThat(browser.findElement(By.id("provider-log-grid")).getText())
                .contains("No exchange with a payment provider about this process yet.");
    }
}
