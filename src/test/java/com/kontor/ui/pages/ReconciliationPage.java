package com.kontor.ui.pages;

import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Settlement reconciliation (PSP-4): upload a report, read the outcome and the differences, resolve one. */
public class ReconciliationPage extends AppPage {

    public ReconciliationPage(WebDriver browser, String baseUrl) {
        super(browser, baseUrl);
        present(By.id("reconciliation-differences"));
        settle();
    }

    public static ReconciliationPage open(AppPage app, String mode) {
        app.go("/" + mode + "/reconciliation");
        return new ReconciliationPage(app.browser, app.baseUrl);
    }

    /** Uploads a report on a freshly opened page (a new upload field) and answers the outcome shown. */
    public String upload(Path file) {
        go(path());
        present(By.id("reconciliation-differences"));
        WebElement upload = visible(By.id("reconciliation-upload"));
        WebElement input = (WebElement) ((JavascriptExecutor) browser)
                .executeScript(
                        "const u = arguments[0];"
                                + " return u.querySelector('input[type=file]')"
                                + " || (u.shadowRoot && u.shadowRoot.querySelector('input[type=file]'));",
                        upload);
        input.sendKeys(file.toAbsolutePath().toString());
        waiting().until(d -> {
            List<WebElement> result = d.findElements(By.id("reconciliation-result"));
            return !result.isEmpty()
                    && result.getFirst().isDisplayed()
                    && !result.getFirst().getText().isBlank();
        });
        settle();
        return result();
    }

    /** The cells of the differences grid, once a row with this text is shown (the grid renders after the import). */
    public List<String> differencesWith(String text) {
        waiting().until(d -> gridCells("reconciliation-differences").stream().anyMatch(cell -> cell.contains(text)));
        return gridCells("reconciliation-differences");
    }

    public String result() {
        return visible(By.id("reconciliation-result")).getText();
    }

    /** Resolves the open difference of this reference with a comment, booking the settled amount if asked. */
    public ReconciliationPage resolve(String reference, String comment, boolean bookSettledAmount) {
        By button = By.cssSelector("#reconciliation-differences vaadin-button[aria-label='Resolve " + reference + "']");
        waiting().until(ExpectedConditions.elementToBeClickable(button)).click();
        visible(By.cssSelector("#reconciliation-resolve-comment textarea")).sendKeys(comment);
        if (bookSettledAmount) {
            visible(By.id("reconciliation-resolve-book")).click();
        }
        visible(By.id("reconciliation-resolve-confirm")).click();
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(button));
        settle();
        return this;
    }

    /** Shows the open or the resolved differences. */
    public ReconciliationPage show(String label) {
        choose(By.id("reconciliation-filter"), label);
        settle();
        return this;
    }
}
