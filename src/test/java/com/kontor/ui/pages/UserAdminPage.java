package com.kontor.ui.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Administration, users. */
public class UserAdminPage extends AppPage {

    public UserAdminPage(WebDriver browser, String baseUrl) {
        super(browser, baseUrl);
        visible(By.id("user-grid"));
    }

    public void startNewUser() {
        visible(By.id("new-user")).click();
        visible(By.id("user-email"));
    }

    public void fillNewUser(String email, String name, String role, String limit, String password) {
        type(By.id("user-email"), email);
        type(By.id("user-name"), name);
        choose(By.id("user-roles"), role);
        type(By.id("user-limit"), limit);
        type(By.id("user-password"), password);
    }

    public void retypePassword(String password) {
        type(By.id("user-password"), password);
    }

    public void save() {
        visible(By.id("save-user")).click();
        settle();
    }

    /** The error shown next to a field of the open dialog, or empty. */
    public String fieldError(String fieldId) {
        WebElement field = visible(By.id(fieldId));
        Object invalid = ((JavascriptExecutor) browser).executeScript("return arguments[0].invalid", field);
        if (!Boolean.TRUE.equals(invalid)) {
            return "";
        }
        return field.findElement(By.cssSelector("[slot='error-message']")).getText();
    }

    public boolean dialogOpen() {
        return exists(By.id("user-email"))
                && browser.findElement(By.id("user-email")).isDisplayed();
    }

    /** Waits for the dialog to close (it closes with an animation); false if it stays open. */
    public boolean dialogCloses() {
        try {
            waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("user-email")));
            return true;
        } catch (org.openqa.selenium.TimeoutException e) {
            return false;
        }
    }
}
