package com.kontor.ui.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A money dialog of the process panel (capture, refund, credit, derecognition, transfer) by its element id. */
public class MoneyDialogPage extends Page {

    private final String id;

    MoneyDialogPage(WebDriver browser, String baseUrl, String id) {
        super(browser, baseUrl);
        this.id = id;
        present(By.id(id));
        settle();
    }

    /** Types into a field (input or text area) as a person does: empties it, types, leaves it. */
    public MoneyDialogPage set(String fieldId, String value) {
        WebElement field = visible(By.id(fieldId));
        WebElement input = field.findElements(By.cssSelector("input")).isEmpty()
                ? field.findElement(By.cssSelector("textarea"))
                : field.findElement(By.cssSelector("input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(value);
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input);
        settle();
        return this;
    }

    /** Chooses an entry of a combo box by its label. */
    public MoneyDialogPage choose(String fieldId, String entryStartingWith) {
        visible(By.cssSelector("#" + fieldId + " input")).click();
        waiting()
                .until(driver -> driver.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                        .filter(item -> item.getText().strip().startsWith(entryStartingWith))
                        .findFirst()
                        .orElse(null))
                .click();
        settle();
        return this;
    }

    public MoneyDialogPage click(String buttonId) {
        visible(By.id(buttonId)).click();
        settle();
        return this;
    }

    /** Confirms; the dialog stays open when something was refused. */
    public MoneyDialogPage confirm() {
        return click(id + "-confirm");
    }

    /** Confirms and waits until the dialog closed (the process panel shows the process anew). */
    public void confirmAndClose() {
        visible(By.id(id + "-confirm")).click();
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id(id)));
        settle();
    }

    /** The message beside a field when it is marked invalid, or null. */
    public String refusal(String fieldId) {
        WebElement field = visible(By.id(fieldId));
        if (field.getDomAttribute("invalid") == null) {
            return null;
        }
        return field.findElements(By.cssSelector("[slot='error-message']")).stream()
                .map(WebElement::getText)
                .findFirst()
                .orElse(field.getText());
    }

    /** The helper text beside a field (the maximum). */
    public String helper(String fieldId) {
        return visible(By.cssSelector("#" + fieldId + " [slot='helper']")).getText();
    }

    public String text(String elementId) {
        return visible(By.id(elementId)).getText();
    }

    public boolean hasButton(String buttonId) {
        return browser.findElements(By.id(buttonId)).stream().anyMatch(WebElement::isDisplayed);
    }
}
