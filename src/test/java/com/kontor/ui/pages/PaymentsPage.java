package com.kontor.ui.pages;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The payments list (TX-7): filters, the sums per currency, the lazy grid and the CSV export. */
public class PaymentsPage extends AppPage {

    public PaymentsPage(WebDriver browser, String baseUrl) {
        super(browser, baseUrl);
        waitForLayout();
        present(By.id("payments-grid"));
        settle();
    }

    public static PaymentsPage open(AppPage app, String mode) {
        app.go("/" + mode + "/payments");
        return new PaymentsPage(app.browser, app.baseUrl);
    }

    /** Chooses these booking types (their labels) in the multi-select. */
    public PaymentsPage kinds(String... labels) {
        WebElement box = visible(By.id("payments-kinds"));
        for (String label : labels) {
            WebElement input = box.findElement(By.cssSelector("input"));
            input.click();
            input.sendKeys(label);
            By item = By.xpath("//vaadin-multi-select-combo-box-item[normalize-space(.)='" + label + "']");
            waiting()
                    .until(d -> d.findElements(item).stream()
                            .filter(WebElement::isDisplayed)
                            .findFirst()
                            .orElse(null))
                    .click();
            settle();
            input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        }
        box.findElement(By.cssSelector("input")).sendKeys(Keys.ESCAPE);
        settle();
        return this;
    }

    public PaymentsPage amounts(String min, String max) {
        type(By.id("payments-min"), min);
        type(By.id("payments-max"), max);
        settle();
        return this;
    }

    public PaymentsPage range(String from, String to) {
        typeDate("payments-from", from);
        typeDate("payments-to", to);
        return this;
    }

    public PaymentsPage apply() {
        visible(By.id("payments-apply")).click();
        settle();
        return this;
    }

    /** The sums above the grid as shown. */
    public String sums() {
        return visible(By.id("payments-sums")).getText();
    }

    /** The TXID links of the rows shown, top to bottom. */
    public List<WebElement> txidLinks() {
        settle();
        return browser.findElements(By.cssSelector("#payments-grid a[id^='payment-txid-']")).stream()
                .filter(WebElement::isDisplayed)
                .toList();
    }

    /** The error shown next to a field, empty if none. */
    public String error(String id) {
        WebElement field = browser.findElement(By.id(id));
        return field.getDomAttribute("invalid") == null ? "" : field.getDomProperty("errorMessage");
    }

    /** The absolute address of the CSV export. */
    public String csvUrl() {
        return visible(By.id("payments-csv")).getDomProperty("href");
    }
}
