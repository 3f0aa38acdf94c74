package com.kontor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.demo.DemoLogins;
import com.kontor.testsupport.ApiClient;
import com.kontor.testsupport.BrowserTest;
import com.kontor.ui.pages.AppPage;
import com.kontor.ui.pages.LoginPage;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * DEB-2, DEB-3, DEB-5 in the browser: the edit dialog refuses invalid master data next to the field, saves valid data
 * into the history, refuses to overwrite a change the shop made meanwhile and shows the current values; in the
 * payment data tab an invalid IBAN is refused next to the field, a valid one is added and can be deleted.
 */
class EditDebtorBrowserTest extends BrowserTest {

    static final String TEST_KEY = "kontor_test_demo_mueller_webshop";

    @Autowired
    JdbcTemplate jdbc;

    private WebDriverWait wait;

    private void set(String id, String value) {
        WebElement input =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#" + id + " input")));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE); // as a person empties a field
        input.sendKeys(value);
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input);
    }

    private WebElement field(String id) {
        return browser.findElement(By.id(id));
    }

    /** Logs in as a support agent and opens the debtor of this customer number in test mode. */
    private AppPage openDebtorOf(String customer) {
        String debtorNumber =
                jdbc.queryForObject("select debtor_number from debtor where customer_id = ?", String.class, customer);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        AppPage app = LoginPage.open(browser, url("")).loginAs("support@mueller.example", DemoLogins.PASSWORD);
        app.go("/test/debtors/" + debtorNumber);
        return app;
    }

    private void paymentDataTab(AppPage app) {
        browser.findElements(By.cssSelector("#edit-tabs vaadin-tab")).stream()
                .filter(tab -> tab.getText().strip().equals("Payment data"))
                .findFirst()
                .orElseThrow()
                .click();
        app.settle();
    }

    /** Clicks save and expects the refusal's message next to the field, which is marked invalid. */
    private void assertRefusedNextTo(String save, String fieldId, String message, AppPage app) {
        browser.findElement(By.id(save)).click();
        app.settle();
        assertThat(field(fieldId).getDomAttribute("invalid")).isNotNull();
        assertThat(field(fieldId).getText()).contains(message);
    }

    @Test
    void masterAndPaymentDataAreEditedWithValidationNextToTheFieldAndNothingIsOverwrittenBlindly() {
        ApiClient api = new ApiClient(port);
        String customer = "E-" + UUID.randomUUID().toString().substring(0, 8);
        String debtorJson = """
                {"firstName": "Karl", "lastName": "Krause", "city": "%s", "country": "DE", "email": "karl@example.org"}""";
        assertThat(api.put(TEST_KEY, "/api/v1/debtors/" + customer, debtorJson.formatted("Essen"))
                        .status())
                .isEqualTo(201);
        AppPage app = openDebtorOf(customer);

        browser.findElement(By.id("edit-debtor")).click();
        set("edit-country", "Deutschland");
        set("edit-lastName", "");
        assertRefusedNextTo("edit-save", "edit-country", "country code", app);
        set("edit-country", "DE");
        browser.findElement(By.id("edit-save")).click();
        app.settle();
        assertThat(field("edit-lastName").getText()).contains("A last name or a company is required");

        set("edit-lastName", "Krause-Meyer");
        browser.findElement(By.id("edit-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("debtor-name"), "Krause-Meyer"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from debtor_change c join debtor d on d.id = c.debtor_id"
                                + " where d.customer_id = ? and c.field = 'lastName' and c.old_value = 'Krause'"
                                + " and c.new_value = 'Krause-Meyer' and c.actor_type = 'USER'",
                        Long.class,
                        customer))
                .isEqualTo(1);

        browser.findElement(By.id("debtor-history")).click(); // DEB-5: the change, who made it, old and new value
        assertThat(app.gridCells("history-grid"))
                .contains("lastName", "Krause", "Krause-Meyer", "support@mueller.example");
        browser.findElement(By.id("history-close")).click();
        app.settle();

        browser.findElement(By.id("edit-debtor")).click();
        set("edit-city", "Dortmund");
        // meanwhile the shop sends other data for this customer
        assertThat(api.put(TEST_KEY, "/api/v1/debtors/" + customer, debtorJson.formatted("Bochum"))
                        .status())
                .isEqualTo(200);
        browser.findElement(By.id("edit-save")).click();
        app.settle();
        assertThat(field("edit-message").getText()).contains("changed this debtor meanwhile");
        assertThat(browser.findElement(By.cssSelector("#edit-city input")).getDomProperty("value"))
                .isEqualTo("Bochum");

        paymentDataTab(app);
        set("edit-new-holder", "Karl Krause");
        set("edit-new-iban", "DE88 3704 0044 0532 0130 00");
        browser.findElement(By.id("edit-add-bank-account")).click();
        app.settle();
        assertThat(field("edit-new-iban").getDomAttribute("invalid")).isNotNull();
        assertThat(field("edit-new-iban").getText()).contains("check digits");
        set("edit-new-iban", "DE89 3704 0044 0532 0130 00");
        browser.findElement(By.id("edit-add-bank-account")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("edit-delete-iban-0")))
                .click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("edit-confirm-delete")))
                .click();
        app.settle();
        assertThat(jdbc.queryForObject(
                        "select count(*) from debtor_bank_account a join debtor d on d.id = a.debtor_id"
                                + " where d.customer_id = ? and a.removed_at is not null",
                        Long.class,
                        customer))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from debtor_change c join debtor d on d.id = c.debtor_id"
                                + " where d.customer_id = ? and c.field = 'bankAccount'",
                        Long.class,
                        customer))
                .isEqualTo(2);
    }

    @Test
    void aRenewedCardIsAmendedWithItsExpiryCheckedNextToTheField() {
        ApiClient api = new ApiClient(port);
        String customer = "C-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Answer paid = api.post(TEST_KEY, "/api/v1/payments", """
                {"type": "authorization", "customerId": "%s", "reference": "ORD-C", "paymentMethod": "CARD",
                 "amount": {"value": 2500, "currency": "EUR"},
                 "card": {"token": "tok_%s", "brand": "VISA", "last4": "1881", "expiryMonth": 4, "expiryYear": 2027},
                 "debtor": {"firstName": "Karla", "lastName": "Kurz", "city": "Kiel", "country": "DE"}}""".formatted(customer, customer));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        AppPage app = openDebtorOf(customer);
        browser.findElement(By.id("edit-debtor")).click();
        app.settle();
        paymentDataTab(app);
        assertThat(field("edit-card-0").getText())
                .isEqualTo("VISA \u2022\u2022\u2022\u2022 \u2022\u2022\u2022\u2022"
                        + " \u2022\u2022\u2022\u2022 1881 \u00b7 04/2027"); // the masked number only

        wait.until(ExpectedConditions.elementToBeClickable(By.id("edit-amend-card-0")))
                .click();
        set("amend-expiryMonth", "13");
        assertRefusedNextTo("amend-save", "amend-expiryMonth", "1 to 12", app);

        set("amend-expiryMonth", "11");
        set("amend-expiryYear", "2030");
        set("amend-holder", "Karla Kurz");
        browser.findElement(By.id("amend-save")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("edit-card-0"), "11/2030 \u00b7 Karla Kurz"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from debtor_change c join debtor d on d.id = c.debtor_id"
                                + " where d.customer_id = ? and c.field = 'card' and c.old_value is not null"
                                + " and c.new_value like '%11/2030%'",
                        Long.class, customer))
                .isEqualTo(1);
    }
}
