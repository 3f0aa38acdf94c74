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
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** API-1: an ADMIN creates a key (shown once), a shop uses it, the ADMIN revokes it and it stops working. */
class ApiKeysBrowserTest extends BrowserTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private int keyInfoStatus(String key) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create(url("/api/v1/key")))
                                .header("Authorization", "Bearer " + key)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    @Test
    void anAdminCreatesAKeyThatWorksOnceShownAndStopsWhenRevoked() throws Exception {
        AppPage app = LoginPage.open(browser, url("")).loginAs("admin@mueller.example", DemoLogins.PASSWORD);
        app.openMenu("API keys");
        app.waitForPath("/live/admin/api-keys");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

        wait.until(ExpectedConditions.elementToBeClickable(By.id("new-api-key")))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("api-key-portal")))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                        By.xpath("//vaadin-select-item[normalize-space(.)='Webshop']")))
                .click();
        WebElement name = browser.findElement(By.cssSelector("#api-key-name input"));
        name.sendKeys("Checkout");
        browser.findElement(By.id("create-api-key")).click();

        WebElement secretField =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#new-api-key-secret input")));
        String secret = secretField.getDomProperty("value");
        assertThat(secret).startsWith("kontor_live_");
        HttpResponse<String> info = http.send(
                HttpRequest.newBuilder(URI.create(url("/api/v1/key")))
                        .header("Authorization", "Bearer " + secret)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(info.body()).contains("\"portal\":\"Webshop\"").contains("\"mode\":\"LIVE\"");

        browser.findElement(By.id("close-api-key-secret")).click();
        app.settle();
        assertThat(app.gridCells("api-key-grid"))
                .contains("Checkout", secret.substring(0, 16) + "…")
                .doesNotContain(secret);

        WebElement revoke = browser.findElements(By.cssSelector("#api-key-grid vaadin-button[id^='revoke-']")).stream()
                .filter(WebElement::isDisplayed)
                .findFirst()
                .orElseThrow();
        revoke.click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("confirm-revoke")))
                .click();
        app.settle();
        assertThat(keyInfoStatus(secret)).isEqualTo(401);
    }
}
