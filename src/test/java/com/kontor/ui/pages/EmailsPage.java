package com.kontor.ui.pages;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The Emails view (the Outbox in test mode) and the copy of an email it opens. */
public class EmailsPage extends AppPage {

    public EmailsPage(WebDriver browser, String baseUrl) {
        super(browser, baseUrl);
    }

    public String title() {
        return visible(By.id("emails-title")).getText();
    }

    public String hint() {
        return visible(By.id("emails-hint")).getText();
    }

    public List<String> cells() {
        return gridCells("emails-grid");
    }

    /** Opens the copy of the email whose row shows {@code subject}. */
    public void openCopy(String subject) {
        waiting()
                .until(d -> d.findElements(By.cssSelector("#emails-grid vaadin-grid-cell-content")).stream()
                        .anyMatch(c -> c.getText().equals(subject)));
        browser.findElements(By.cssSelector("#emails-grid vaadin-grid-cell-content")).stream()
                .filter(c -> c.getText().equals(subject))
                .findFirst()
                .orElseThrow()
                .click();
        visible(By.id("email-copy"));
        settle();
    }

    /** The text of the open copy (headers, attachment and body). */
    public String copyText() {
        WebElement body = visible(By.id("email-copy-body"));
        return visible(By.id("email-copy-to")).getText() + "\n"
                + visible(By.id("email-copy-status")).getText() + "\n"
                + (exists(By.id("email-copy-attachment"))
                        ? browser.findElement(By.id("email-copy-attachment")).getText() + "\n"
                        : "")
                + body.getText();
    }

    public void closeCopy() {
        visible(By.id("email-copy-close")).click();
        settle();
    }
}
