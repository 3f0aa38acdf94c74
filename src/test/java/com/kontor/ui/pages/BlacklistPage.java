package com.kontor.ui.pages;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The merchant's blacklist (BL-4): every entry masked, with its expiry and who added it. */
public class BlacklistPage extends AppPage {

    public BlacklistPage(WebDriver browser, String baseUrl) {
        super(browser, baseUrl);
        present(By.id("blacklist-grid"));
        settle();
    }

    public static BlacklistPage open(AppPage app, String mode) {
        app.go("/" + mode + "/blacklist");
        return new BlacklistPage(app.browser, app.baseUrl);
    }

    public List<String> cells() {
        return gridCells("blacklist-grid");
    }

    /** Takes the entry of this masked value off the blacklist and waits until it has left the list. */
    public BlacklistPage remove(String masked) {
        By button = By.cssSelector("#blacklist-grid vaadin-button[aria-label='Take " + masked + " off the blacklist']");
        waiting().until(ExpectedConditions.elementToBeClickable(button)).click();
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(button));
        settle();
        return this;
    }
}
