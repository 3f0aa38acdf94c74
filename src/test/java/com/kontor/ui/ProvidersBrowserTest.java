package com.kontor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.demo.DemoLogins;
import com.kontor.testsupport.BrowserTest;
import com.kontor.ui.pages.AppPage;
import com.kontor.ui.pages.LoginPage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PSP-5 and the review list of PSP-3 in the browser: an ADMIN sets a portal's Adyen account and HMAC key (a bad key
 * is refused next to the field); a notification signed with the new key for the other mode lands in the review
 * list, where FINANCE dismisses it with a note.
 */
class ProvidersBrowserTest extends BrowserTest {

    static final String NEW_KEY = "00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF";
    static final String ACCOUNT = "MuellerMarktplatzTEST";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAdminSetsAdyenKeysAndFinanceDismissesAReviewedNotification() throws Exception {
        long portal = jdbc.queryForObject("select id from portal where name = 'Marktplatz'", Long.class);
        long webshop = jdbc.queryForObject("select id from portal where name = 'Webshop'", Long.class);
        AppPage app = LoginPage.open(browser, url("")).loginAs("admin@mueller.example", DemoLogins.PASSWORD);
        app.go("/test/admin/providers");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        WebElement webshopPayone = wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#payone-portal-" + webshop + " input")));
        assertThat(webshopPayone.getDomProperty("value")).isEqualTo(DemoLogins.PAYONE_PORTAL_ID);

        browser.findElement(By.cssSelector("#adyen-account-" + portal + " input"))
                .sendKeys(ACCOUNT);
        browser.findElement(By.id("save-adyen-" + portal)).click();
        app.settle();
        browser.findElement(By.cssSelector("#adyen-key-" + portal + " input")).sendKeys("not hex");
        browser.findElement(By.id("rotate-adyen-" + portal)).click();
        app.settle();
        WebElement keyField = browser.findElement(By.id("adyen-key-" + portal));
        assertThat(keyField.getDomAttribute("invalid")).isNotNull();
        assertThat(keyField.getText()).contains("hex");

        WebElement input = browser.findElement(By.cssSelector("#adyen-key-" + portal + " input"));
        input.clear();
        input.sendKeys(NEW_KEY);
        browser.findElement(By.id("rotate-adyen-" + portal)).click();
        app.settle();
        assertThat(app.bodyText()).contains("Saved.");
        assertThat(app.bodyText()).doesNotContain(NEW_KEY);

        String psp = "review-" + System.nanoTime();
        assertThat(adyen(psp)).isEqualTo(200);
        app.logout();

        AppPage finance = LoginPage.open(browser, url("")).loginAs("finance@mueller.example", DemoLogins.PASSWORD);
        finance.go("/test/notifications/review");
        assertThat(finance.gridCells("review-grid")).anyMatch(cell -> cell.contains("sim-nothing"));
        long id = jdbc.queryForObject(
                "select id from provider_notification where dedupe_key like ?", Long.class, "%" + psp + "%");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("dismiss-" + id)))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#dismiss-note input")))
                .sendKeys("Sent by mistake from the live shop");
        browser.findElement(By.id("confirm-dismiss")).click();
        finance.settle();
        assertThat(jdbc.queryForObject("select state from provider_notification where id = ?", String.class, id))
                .isEqualTo("IGNORED");
        assertThat(wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("dismiss-" + id))))
                .isTrue();
    }

    /** An Adyen notification about a process that does not exist, signed with the new key: it goes to review. */
    private int adyen(String psp) throws Exception {
        String signed = String.join(":", psp, "sim-nothing", ACCOUNT, "ORD", "100", "EUR", "REFUND", "true");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(HexFormat.of().parseHex(NEW_KEY), "HmacSHA256"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes()));
        String body = """
                {"live": "false", "notificationItems": [{"NotificationRequestItem": {"eventCode": "REFUND",
                 "success": "true", "pspReference": "%s", "originalReference": "sim-nothing", "merchantReference": "ORD",
                 "merchantAccountCode": "%s", "amount": {"value": 100, "currency": "EUR"},
                 "additionalData": {"hmacSignature": "%s"}}}]}""".formatted(psp, ACCOUNT, signature);
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url("/notifications/adyen")))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        Thread.sleep(1500); // the booking job finds no process and puts it on the review list
        return response.statusCode();
    }
}
