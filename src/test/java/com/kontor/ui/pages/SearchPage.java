package com.kontor.ui.pages;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The debtor and payment search (SRCH-1..4): criteria, date range, result grid. */
public class SearchPage extends AppPage {

    public SearchPage(WebDriver browser, String baseUrl) {
        super(browser, baseUrl);
        present(By.id("search-grid"));
    }

    /** Sets criterion {@code n} (1..3) to a category (its label) and a text. */
    public SearchPage criterion(int n, String category, String text) {
        category(n, category);
        type(By.id("criterion-value-" + n), text);
        return this;
    }

    /** Sets criterion {@code n} to a category whose input is a choice, and chooses {@code value}. */
    public SearchPage choiceCriterion(int n, String category, String value) {
        category(n, category);
        pick(By.id("criterion-value-" + n), value);
        return this;
    }

    public SearchPage addCriterion() {
        visible(By.id("add-criterion")).click();
        settle();
        return this;
    }

    /** Dates as the browser's locale writes them (en-US: 11/28/2026). */
    public SearchPage range(String from, String to) {
        typeDate("search-from", from);
        typeDate("search-to", to);
        return this;
    }

    public SearchPage search() {
        visible(By.id("search-button")).click();
        settle();
        return this;
    }

    /** Presses Enter in criterion {@code n}'s field (the shortcut of the search button). */
    public SearchPage searchWithEnter(int n) {
        visible(By.id("criterion-value-" + n))
                .findElement(By.cssSelector("input"))
                .sendKeys(Keys.ENTER);
        settle();
        return this;
    }

    public String message() {
        return browser.findElement(By.id("search-message")).getText();
    }

    /** The TXIDs of the rows in the grid's order (rows rendered so far). */
    public List<String> txids() {
        settle();
        return browser.findElements(By.cssSelector("#search-grid a[id^='txid-']")).stream()
                .filter(WebElement::isDisplayed)
                .map(WebElement::getText)
                .toList();
    }

    public List<String> names() {
        settle();
        return browser.findElements(By.cssSelector("#search-grid a[id^='name-']")).stream()
                .filter(WebElement::isDisplayed)
                .map(WebElement::getText)
                .toList();
    }

    /** Clicks a column header's sorter (its label). */
    public SearchPage sortBy(String header) {
        WebElement sorter = browser.findElements(By.cssSelector("#search-grid vaadin-grid-sorter")).stream()
                .filter(s -> s.getText().strip().equals(header))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No column " + header));
        // a wide grid scrolls sideways: click the sorter where it is, as a user scrolling there would
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].click();", sorter);
        settle();
        return this;
    }

    public void openTxid(String txid) {
        visible(By.id("txid-" + txid)).click();
        settle();
    }

    /** Opens the debtor of the first row by its name. */
    public void openFirstName() {
        settle();
        browser.findElements(By.cssSelector("#search-grid a[id^='name-']")).stream()
                .filter(WebElement::isDisplayed)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No row in the search grid"))
                .click();
        settle();
    }

    public String criterionError(int n) {
        return browser.findElement(By.id("criterion-value-" + n)).getText();
    }

    private void category(int n, String label) {
        pick(By.id("criterion-category-" + n), label);
    }
}
