package com.kontor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.demo.DemoLogins;
import com.kontor.testsupport.ApiClient;
import com.kontor.testsupport.BrowserTest;
import com.kontor.ui.pages.AppPage;
import com.kontor.ui.pages.AuditPage;
import com.kontor.ui.pages.DebtorDetailPage;
import com.kontor.ui.pages.LoginPage;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** German everywhere: the login, the audit log's types and actors, a debtor's history and process. */
class GermanBrowserTest extends BrowserTest {

    @Test
    void theGermanLoginHasNoEnglishWord() {
        LoginPage login = LoginPage.open(browser, url("")).chooseLanguage("DE");
        login.submit("", ""); // nothing typed: the form asks for both, in German
        String text = login.formText();
        assertThat(text)
                .contains("Anmelden", "Passwort", "Geben Sie Ihre E-Mail-Adresse ein.", "Geben Sie Ihr Passwort ein.")
                .doesNotContain("Forgot", "Log in", "Username", "required");
    }

    @Test
    void theAuditLogAndADebtorsPageShowTypesActorsFieldsAndStatesInGerman() {
        String customer = "G-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient api = new ApiClient(port);
        ApiClient.Answer created =
                api.post("kontor_test_demo_mueller_webshop", "/api/v1/payments", """
                {"type": "authorization", "customerId": "%s", "reference": "ORD-G", "paymentMethod": "INVOICE",
                 "amount": {"value": 1500, "currency": "EUR"},
                 "debtor": {"firstName": "Greta", "lastName": "Deutsch", "city": "Köln", "country": "DE"}}""".formatted(customer));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long txid = created.number("txid");
        ApiClient.Answer changed = api.put(
                "kontor_test_demo_mueller_webshop",
                "/api/v1/debtors/" + customer,
                "{\"firstName\": \"Greta\", \"lastName\": \"Deutsch\", \"city\": \"Bonn\", \"country\": \"DE\"}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        long debtorNumber = changed.number("userId");

        AppPage app = LoginPage.open(browser, url("")).loginAs("auditor@mueller.example", DemoLogins.PASSWORD);
        app.chooseLanguage("DE");
        app.go("/live/audit");
        List<String> cells = app.gridCells("audit-grid");
        assertThat(cells).contains("Anmeldung").doesNotContain("LOGIN", "Login");
        AuditPage audit = new AuditPage(browser, url(""));
        audit.eventType(1, "Ereignisart", "Portal angelegt").search(); // the demo's merchants came with the demo
        assertThat(app.gridCells("audit-grid"))
                .contains("Demodaten", "Portal angelegt")
                .doesNotContain("demo data generator", "PORTAL_CREATED");

        DebtorDetailPage debtor = DebtorDetailPage.open(app, "test", debtorNumber, txid);
        assertThat(browser.findElement(By.id("process-dunning")).getText()).isEqualTo("Mahnwesen: Keine");
        List<String> history = debtor.openHistory();
        assertThat(history).contains("Ort", "Köln", "Bonn").doesNotContain("city");
        debtor.close("history-close");
        debtor.chooseLanguage("EN");
    }
}
