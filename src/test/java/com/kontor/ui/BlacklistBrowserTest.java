package com.kontor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.demo.DemoLogins;
import com.kontor.testsupport.ApiClient;
import com.kontor.testsupport.BrowserTest;
import com.kontor.ui.pages.AppPage;
import com.kontor.ui.pages.LoginPage;
import java.util.Random;
import java.util.UUID;
import org.iban4j.CountryCode;
import org.iban4j.Iban;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * BL-1, BL-2, BL-4 with BL-3: a SUPPORT user blacklists a debtor's IBAN from the debtor view, the shop's next direct
 * debit with that IBAN (for any debtor) is refused, the blacklist view lists the entry masked, and once it is taken
 * off the payment goes through.
 */
class BlacklistBrowserTest extends BrowserTest {

    static final String TEST_KEY = "kontor_test_demo_mueller_webshop";

    @Autowired
    JdbcTemplate jdbc;

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
        String customer = "BL-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(directDebit(api, customer, iban).status()).isEqualTo(201);
        String debtorNumber =
                jdbc.queryForObject("select debtor_number from debtor where customer_id = ?", String.class, customer);

        AppPage app = LoginPage.open(browser, url("")).loginAs("support@mueller.example", DemoLogins.PASSWORD);
        app.go("/test/debtors/" + debtorNumber);
        WebDriverWait wait = new WebDriverWait(browser, java.time.Duration.ofSeconds(20));
        assertThat(browser.findElement(By.id("bl-state-iban-0")).getText()).isEqualTo("not blacklisted");
        browser.findElement(By.id("provider-log")).click(); // TX-8: the debit asked of the provider and its answer
        assertThat(app.gridCells("provider-log-grid")).contains("REQUEST", "ANSWER", "debit", "APPROVED");
        browser.findElement(By.id("provider-log-close")).click();
        app.settle();
        assertThat(app.bodyText())
                .contains(iban.substring(0, 4) + "…" + iban.substring(iban.length() - 4))
                .doesNotContain(iban);
        browser.findElement(By.id("bl-add-iban-0")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("bl-confirm"))).click();
        wait.until(ExpectedConditions.textToBe(By.id("bl-state-iban-0"), "blacklisted"));

        ApiClient.Answer refused = directDebit(
                api,
                customer + "x",
                iban.substring(0, 4) + " " + iban.substring(4).toLowerCase());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("code")).isEqualTo("BLACKLISTED");

        app.go("/test/blacklist");
        String masked = iban.substring(0, 4) + "…" + iban.substring(iban.length() - 4);
        assertThat(app.gridCells("blacklist-grid")).contains(masked);
        Long entry = jdbc.queryForObject("select max(id) from blacklist_entry where masked = ?", Long.class, masked);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("blacklist-remove-" + entry)))
                .click();
        app.settle();
        assertThat(app.gridCells("blacklist-grid")).doesNotContain(masked);
        assertThat(directDebit(api, customer + "y", iban).status()).isEqualTo(201);
    }
}
