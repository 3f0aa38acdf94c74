package com.kontor.ui.pages;

import java.nio.file.Path;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Administration, letterhead (DOC-1). */
public class LetterheadPage extends AppPage {

    public LetterheadPage(WebDriver browser, String baseUrl) {
        super(browser, baseUrl);
        visible(By.id("letterhead-name"));
        settle();
    }

    /** Types into the text field {@code letterhead-<property>}. */
    public LetterheadPage fill(String property, String value) {
        type(By.id("letterhead-" + property), value);
        return this;
    }

    /** Chooses a country in the combo box by its label, e.g. "DE – Germany". */
    public LetterheadPage country(String label) {
        WebElement input = visible(By.id("letterhead-country")).findElement(By.cssSelector("input"));
        input.clear();
        input.sendKeys(label);
        waiting()
                .until(d -> !d.findElements(By.xpath("//vaadin-combo-box-item[normalize-space(.)='" + label + "']"))
                        .isEmpty());
        input.sendKeys(Keys.ENTER);
        settle();
        return this;
    }

    /** Chooses a file for the logo upload; the upload starts at once. */
    public void uploadLogo(Path file) {
        WebElement upload = visible(By.id("letterhead-logo-upload"));
        WebElement input = (WebElement) ((JavascriptExecutor) browser)
                .executeScript(
                        "const u = arguments[0];"
                                + " return u.querySelector('input[type=file]')"
                                + " || (u.shadowRoot && u.shadowRoot.querySelector('input[type=file]'));",
                        upload);
        input.sendKeys(file.toAbsolutePath().toString());
        settle();
    }

    /** The message next to the logo upload, waited for. */
    public String logoError() {
        return visible(By.id("letterhead-logo-error")).getText();
    }

    public boolean logoErrorShown() {
        return exists(By.id("letterhead-logo-error"))
                && browser.findElement(By.id("letterhead-logo-error")).isDisplayed();
    }

    /** Waits for the preview image of the logo; false if none appears. */
    public boolean logoPreviewShown() {
        try {
            waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("letterhead-logo-image")));
            return true;
        } catch (org.openqa.selenium.TimeoutException e) {
            return false;
        }
    }

    public void save() {
        visible(By.id("save-letterhead")).click();
        settle();
    }

    /** The error shown next to a field, or empty. */
    public String fieldError(String property) {
        WebElement field = visible(By.id("letterhead-" + property));
        Object invalid = ((JavascriptExecutor) browser).executeScript("return arguments[0].invalid", field);
        if (!Boolean.TRUE.equals(invalid)) {
            return "";
        }
        return field.findElement(By.cssSelector("[slot='error-message']")).getText();
    }

    public String value(String property) {
        return (String) ((JavascriptExecutor) browser)
                .executeScript("return arguments[0].value", visible(By.id("letterhead-" + property)));
    }
}
