package com.kontor.ui.pages;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The review list of provider notifications (PSP-3): book again or dismiss with a note. */
public class ReviewPage extends AppPage {

    public ReviewPage(WebDriver browser, String baseUrl) {
        super(browser, baseUrl);
        present(By.id("review-grid"));
        settle();
    }

    public static ReviewPage open(AppPage app, String mode) {
        app.go("/" + mode + "/notifications/review");
        return new ReviewPage(app.browser, app.baseUrl);
    }

    /** Whether a notification with this provider reference is on the list. */
    public boolean lists(String providerReference) {
        settle();
        return exists(dismissButton(providerReference));
    }

    /**
     * Waits until the booking job has put the notification on the list, reloading the list as a person would: the
     * job books in the background.
     */
    public ReviewPage waitFor(String providerReference) {
        new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(500)).until(d -> {
            if (lists(providerReference)) {
                return true;
            }
            go(path());
            return false;
        });
        return this;
    }

    /** Dismisses the notification with a note and waits until it has left the list. */
    public ReviewPage dismiss(String providerReference, String note) {
        waiting()
                .until(ExpectedConditions.elementToBeClickable(dismissButton(providerReference)))
                .click();
        visible(By.cssSelector("#dismiss-note input")).sendKeys(note);
        visible(By.id("confirm-dismiss")).click();
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(dismissButton(providerReference)));
        settle();
        return this;
    }

    private static By dismissButton(String providerReference) {
        return By.cssSelector(
                "#review-grid vaadin-button[aria-label='Dismiss the notification " + providerReference + "']");
    }
}
