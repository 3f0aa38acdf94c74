package com.kontor.ui.pages;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The pending four-eyes approvals (OPS-6): approve after a confirmation, reject with a reason. */
public class ApprovalsPage extends AppPage {

    public ApprovalsPage(WebDriver browser, String baseUrl) {
        super(browser, baseUrl);
        waitForLayout();
        waiting()
                .until(d -> !d.findElements(By.id("approvals-grid")).isEmpty()
                        || !d.findElements(By.id("approvals-empty")).isEmpty());
        settle();
    }

    public static ApprovalsPage open(AppPage app, String mode) {
        app.go("/" + mode + "/approvals");
        return new ApprovalsPage(app.browser, app.baseUrl);
    }

    /** Whether the request is on the list (its TXID link or, without a debtor, its TXID cell). */
    public boolean lists(long approvalId, long txid) {
        settle();
        List<WebElement> grid = browser.findElements(By.id("approvals-grid"));
        if (grid.isEmpty() || !grid.getFirst().isDisplayed()) {
            return false; // nothing waits: the empty-state text instead of the grid
        }
        // only what shows: the grid keeps recycled rows of removed requests hidden in the page
        return browser.findElements(By.id("approval-txid-" + approvalId)).stream()
                        .anyMatch(WebElement::isDisplayed)
                || browser.findElements(By.cssSelector("#approvals-grid vaadin-grid-cell-content")).stream()
                        .filter(WebElement::isDisplayed)
                        .map(WebElement::getText)
                        .anyMatch(Long.toString(txid)::equals);
    }

    public boolean offersDecision(long approvalId) {
        settle();
        return exists(By.id("approve-" + approvalId)) || exists(By.id("reject-" + approvalId));
    }

    /** The text shown instead of the buttons on one's own request, or null. */
    public String ownRequestText(long approvalId) {
        settle();
        List<WebElement> own = browser.findElements(By.id("approval-own-" + approvalId));
        return own.isEmpty() ? null : own.getFirst().getText();
    }

    public String processLink(long approvalId) {
        return visible(By.id("approval-txid-" + approvalId)).getAttribute("href");
    }

    /** Clicks Approve; answers the confirmation's question, and confirms it. */
    public String approve(long approvalId) {
        waiting()
                .until(ExpectedConditions.elementToBeClickable(By.id("approve-" + approvalId)))
                .click();
        String question = visible(By.id("approve-question")).getText();
        visible(By.id("confirm-approve")).click();
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("approve-" + approvalId)));
        settle();
        return question;
    }

    /** Opens the rejection and confirms it with {@code reason}; answers the message next to the field, if any. */
    public String reject(long approvalId, String reason) {
        if (!exists(By.id("reject-dialog"))) {
            waiting()
                    .until(ExpectedConditions.elementToBeClickable(By.id("reject-" + approvalId)))
                    .click();
        }
        WebElement field = visible(By.id("reject-reason"));
        WebElement input = field.findElement(By.cssSelector("textarea"));
        input.clear();
        if (!reason.isEmpty()) {
            input.sendKeys(reason);
        }
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input);
        visible(By.id("confirm-reject")).click();
        settle();
        if (exists(By.cssSelector("#reject-reason[invalid]"))) {
            return visible(By.cssSelector("#reject-reason [slot='error-message']"))
                    .getText();
        }
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("reject-" + approvalId)));
        return null;
    }
}
