package com.kontor.ui.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The audit log (AUD-1..3): criteria, date range, grid, CSV export and the integrity check. */
public class AuditPage extends AppPage {

    public AuditPage(WebDriver browser, String baseUrl) {
        super(browser, baseUrl);
        present(By.id("audit-grid"));
        settle();
    }

    /** What the log is limited to when opened from a debtor ("of debtor ..."). */
    public String scope() {
        return visible(By.id("audit-scope")).getText();
    }

    /** Sets criterion {@code n} (1..3) to a field (its label) and a text. */
    public AuditPage criterion(int n, String field, String text) {
        pick(By.id("audit-criterion-field-" + n), field);
        type(By.id("audit-criterion-value-" + n), text);
        return this;
    }

    /** Sets criterion {@code n} to the type of event {@code type}. */
    public AuditPage eventType(int n, String type) {
        return eventType(n, "Type of event", type);
    }

    /** The same in a language whose label of the field is {@code fieldLabel}. */
    public AuditPage eventType(int n, String fieldLabel, String type) {
        pick(By.id("audit-criterion-field-" + n), fieldLabel);
        pick(By.id("audit-criterion-value-" + n), type);
        return this;
    }

    public AuditPage addCriterion() {
        visible(By.id("audit-add-criterion")).click();
        settle();
        return this;
    }

    public AuditPage range(String from, String to) {
        typeDate("audit-from", from);
        typeDate("audit-to", to);
        return this;
    }

    public AuditPage search() {
        visible(By.id("audit-search")).click();
        settle();
        return this;
    }

    /** The error shown next to criterion {@code n}'s input, empty if none. */
    public String criterionError(int n) {
        WebElement input = browser.findElement(By.id("audit-criterion-value-" + n));
        return input.getDomAttribute("invalid") == null ? "" : input.getText();
    }

    /** The absolute address of the CSV export. */
    public String exportUrl() {
        return visible(By.id("audit-export")).getDomProperty("href");
    }

    public boolean mayVerify() {
        return exists(By.id("audit-verify"));
    }

    public String verify() {
        visible(By.id("audit-verify")).click();
        settle();
        return browser.findElement(By.id("audit-message")).getText();
    }
}
