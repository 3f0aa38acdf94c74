package com.kontor.ui.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** Administration, dunning procedure (DUN-1). */
public class DunningProcedurePage extends AppPage {

    public DunningProcedurePage(WebDriver browser, String baseUrl) {
        super(browser, baseUrl);
        visible(By.id("dunning-level-1-days"));
        settle();
    }

    /** Types into a field of a level, e.g. {@code level(2, "fee", "7.50")}. */
    public DunningProcedurePage level(int level, String field, String value) {
        type(By.id("dunning-level-" + level + "-" + field), value);
        settle();
        return this;
    }

    public String levelValue(int level, String field) {
        return value("dunning-level-" + level + "-" + field);
    }

    /** The error next to a field of a level, or empty. */
    public String levelError(int level, String field) {
        return fieldError("dunning-level-" + level + "-" + field);
    }

    public boolean notSavedShown() {
        return exists(By.id("dunning-not-saved"))
                && browser.findElement(By.id("dunning-not-saved")).isDisplayed();
    }

    /** Opens the preview of a level; answers the letter, subject and email text shown. */
    public Preview preview(int level, Runnable whileOpen) {
        click(By.id("dunning-level-" + level + "-preview"));
        settle();
        whileOpen.run();
        String letter = visible(By.id("dunning-preview-letter")).getText();
        String subject = visible(By.id("dunning-preview-subject")).getText();
        String body = visible(By.id("dunning-preview-body")).getText();
        visible(By.id("dunning-preview-close")).click();
        settle();
        return new Preview(letter, subject, body);
    }

    public record Preview(String letter, String subject, String body) {}

    public void save() {
        click(By.id("save-dunning-procedure"));
        settle();
    }

    /** Clicks a button brought to the middle of the window, clear of notifications at the top or bottom. */
    private void click(By button) {
        WebElement element = visible(button);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    private String fieldError(String id) {
        WebElement field = visible(By.id(id));
        Object invalid = ((JavascriptExecutor) browser).executeScript("return arguments[0].invalid", field);
        if (!Boolean.TRUE.equals(invalid)) {
            return "";
        }
        return field.findElement(By.cssSelector("[slot='error-message']")).getText();
    }

    private String value(String id) {
        return (String) ((JavascriptExecutor) browser).executeScript("return arguments[0].value", visible(By.id(id)));
    }
}
