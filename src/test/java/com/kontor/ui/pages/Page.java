package com.kontor.ui.pages;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Shared helpers of the page objects: waiting for Vaadin's web components and reading their texts. */
public abstract class Page {

    protected final WebDriver browser;
    protected final String baseUrl;

    protected Page(WebDriver browser, String baseUrl) {
        this.browser = browser;
        this.baseUrl = baseUrl;
    }

    protected WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    protected WebElement visible(By by) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    protected WebElement present(By by) {
        return waiting().until(ExpectedConditions.presenceOfElementLocated(by));
    }

    protected boolean exists(By by) {
        return !browser.findElements(by).isEmpty();
    }

    /** Waits until Vaadin has answered every request of the page. */
    public void settle() {
        waiting()
                .until(
                        d -> Boolean.TRUE.equals(
                                ((JavascriptExecutor) d)
                                        .executeScript(
                                                "return !!(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                                                        + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive()));")));
    }

    /** Types into a Vaadin field (the input is in its light DOM) and leaves it, so the value reaches the server. */
    protected void type(By field, String text) {
        WebElement input = visible(field).findElement(By.cssSelector("input"));
        input.clear();
        input.sendKeys(text);
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input);
    }

    /** Clicks the item of a checkbox or radio group whose label is {@code label}. */
    protected void choose(By group, String label) {
        List<WebElement> items = visible(group).findElements(By.xpath(".//label[normalize-space(.)='" + label + "']"));
        if (items.isEmpty()) {
            throw new IllegalStateException("No item '" + label + "' in " + group);
        }
        items.getFirst().click();
    }

    /** Opens a select and clicks the item with that label (several selects: only the open overlay's is shown). */
    protected void pick(By select, String label) {
        visible(select).click();
        By item = By.xpath("//vaadin-select-item[normalize-space(.)='" + label + "']");
        WebElement shown = waiting()
                .until(d -> d.findElements(item).stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .orElse(null));
        // a long list scrolls inside its overlay: bring the item into view as a user scrolling there would
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", shown);
        shown.click();
        settle();
    }

    /** Types a date as the browser's locale writes it (en-US: 11/28/2026) into a date picker and confirms it. */
    protected void typeDate(String id, String date) {
        WebElement input = visible(By.id(id)).findElement(By.cssSelector("input"));
        input.clear();
        input.sendKeys(date, Keys.ENTER);
        settle();
    }

    public String path() {
        return browser.getCurrentUrl().substring(baseUrl.length());
    }

    public String bodyText() {
        return browser.findElement(By.tagName("body")).getText();
    }
}
