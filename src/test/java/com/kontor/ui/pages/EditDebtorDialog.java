package com.kontor.ui.pages;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The edit dialog of a debtor (DEB-2, DEB-3): master data with checks next to each field, and payment data. */
public class EditDebtorDialog extends Page {

    EditDebtorDialog(WebDriver browser, String baseUrl) {
        super(browser, baseUrl);
        visible(By.id("edit-tabs"));
        settle();
    }

    /** Replaces a master data field's text, as a person empties it and types ({@code lastName}, {@code city}). */
    public EditDebtorDialog set(String field, String value) {
        replace("edit-" + field, value);
        return this;
    }

    /** Chooses an entry of a select ({@code country}) as a person does: types part of it and clicks the entry. */
    public EditDebtorDialog choose(String field, String entry) {
        WebElement input = visible(By.cssSelector("#edit-" + field + " input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(entry.substring(0, Math.min(entry.length(), 5)));
        waiting()
                .until(driver -> driver.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                        .filter(item -> item.getText().strip().equals(entry))
                        .findFirst()
                        .orElse(null))
                .click();
        settle();
        return this;
    }

    /** The value a field shows. */
    public String value(String field) {
        return visible(By.cssSelector("#edit-" + field + " input")).getDomProperty("value");
    }

    public EditDebtorDialog save() {
        visible(By.id("edit-save")).click();
        settle();
        return this;
    }

    /** Saves and waits until the dialog has closed. */
    public void saveAndClose() {
        visible(By.id("edit-save")).click();
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("edit-tabs")));
        settle();
    }

    /** The message beside a field when it is marked invalid, or null when the field is fine. */
    public String refusal(String field) {
        return refusalOf("edit-" + field);
    }

    /** The dialog's message above the form (a change made meanwhile). */
    public String message() {
        return visible(By.id("edit-message")).getText();
    }

    public EditDebtorDialog paymentData() {
        List<WebElement> tabs = browser.findElements(By.cssSelector("#edit-tabs vaadin-tab"));
        tabs.stream()
                .filter(tab -> tab.getText().strip().equals("Payment data"))
                .findFirst()
                .orElseThrow()
                .click();
        settle();
        return this;
    }

    /** Adds a bank account in the payment data tab; a refusal shows at the IBAN ({@link #ibanRefusal()}). */
    public EditDebtorDialog addBankAccount(String holder, String iban) {
        replace("edit-new-holder", holder);
        replace("edit-new-iban", iban);
        visible(By.id("edit-add-bank-account")).click();
        settle();
        return this;
    }

    public String ibanRefusal() {
        return refusalOf("edit-new-iban");
    }

    /** Whether the {@code index}-th bank account is listed. */
    public boolean hasBankAccount(int index) {
        settle();
        return exists(By.id("edit-delete-iban-" + index));
    }

    /** Deletes the {@code index}-th bank account after confirming. */
    public EditDebtorDialog deleteBankAccount(int index) {
        waiting()
                .until(ExpectedConditions.elementToBeClickable(By.id("edit-delete-iban-" + index)))
                .click();
        waiting()
                .until(ExpectedConditions.elementToBeClickable(By.id("edit-confirm-delete")))
                .click();
        settle();
        return this;
    }

    /** The {@code index}-th card as the tab shows it (masked number, expiry, holder). */
    public String card(int index) {
        return visible(By.id("edit-card-" + index)).getText();
    }

    /** Opens the amend dialog of the {@code index}-th card. */
    public EditDebtorDialog amendCard(int index) {
        waiting()
                .until(ExpectedConditions.elementToBeClickable(By.id("edit-amend-card-" + index)))
                .click();
        visible(By.id("amend-save"));
        return this;
    }

    /** Sets a field of the open amend dialog ({@code holder}, {@code expiryMonth}, {@code expiryYear}). */
    public EditDebtorDialog amend(String field, String value) {
        replace("amend-" + field, value);
        return this;
    }

    public EditDebtorDialog saveAmendment() {
        visible(By.id("amend-save")).click();
        settle();
        return this;
    }

    /** The refusal beside a field of the amend dialog ({@code expiryMonth}, ...), or null. */
    public String amendRefusal(String field) {
        return refusalOf("amend-" + field);
    }

    /** Waits until the {@code index}-th card shows {@code text}. */
    public EditDebtorDialog waitForCard(int index, String text) {
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("edit-card-" + index), text));
        return this;
    }

    /** Closes the dialog with its close button. */
    public void close() {
        visible(By.id("edit-close")).click();
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("edit-tabs")));
        settle();
    }

    private String refusalOf(String id) {
        WebElement field = browser.findElement(By.id(id));
        return field.getDomAttribute("invalid") == null ? null : field.getText();
    }

    private void replace(String id, String value) {
        WebElement input = visible(By.cssSelector("#" + id + " input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE); // as a person empties a field
        input.sendKeys(value);
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input);
    }
}
