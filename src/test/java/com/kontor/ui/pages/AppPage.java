package com.kontor.ui.pages;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Any view inside the main layout: header, drawer, test band. */
public class AppPage extends Page {

    public AppPage(WebDriver browser, String baseUrl) {
        super(browser, baseUrl);
    }

    public void waitForLayout() {
        visible(By.id("header"));
        settle();
    }

    public String merchantName() {
        return visible(By.id("merchant-name")).getText();
    }

    public String userName() {
        return visible(By.id("current-user")).getText();
    }

    public boolean testBandShown() {
        List<WebElement> band = browser.findElements(By.id("test-mode-band"));
        return !band.isEmpty() && band.getFirst().isDisplayed();
    }

    public String testBandText() {
        return visible(By.id("test-mode-band")).getText();
    }

    public void switchMode(String label) {
        choose(By.id("mode-switch"), label);
        settle();
    }

    public void waitForPath(String path) {
        waiting().until(ExpectedConditions.urlToBe(baseUrl + path));
        settle();
    }

    /** The labels of the drawer's entries. */
    public List<String> menu() {
        return browser.findElements(By.cssSelector("#main-nav vaadin-side-nav-item")).stream()
                .map(WebElement::getText)
                .map(String::strip)
                .toList();
    }

    public void openMenu(String label) {
        browser.findElements(By.cssSelector("#main-nav vaadin-side-nav-item")).stream()
                .filter(item -> item.getText().strip().equals(label))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No menu entry " + label))
                .click();
        settle();
    }

    /** Texts of the grid's cells, row by row. */
    public List<String> gridCells(String gridId) {
        present(By.cssSelector("#" + gridId));
        settle();
        return browser.findElements(By.cssSelector("#" + gridId + " vaadin-grid-cell-content")).stream()
                .map(WebElement::getText)
                .toList();
    }

    public void go(String path) {
        browser.get(baseUrl + path);
        settle();
    }

    public void chooseLanguage(String code) {
        WebElement header = visible(By.id("header"));
        visible(By.id("language-switch")).click();
        visible(By.xpath("//vaadin-select-item[normalize-space(.)='" + code + "']"))
                .click();
        waiting().until(ExpectedConditions.stalenessOf(header)); // the page reloads in the new language
        waitForLayout();
    }

    public LoginPage logout() {
        visible(By.id("logout")).click();
        LoginPage login = new LoginPage(browser, baseUrl);
        login.visible(By.id("login-form"));
        return login;
    }
}
