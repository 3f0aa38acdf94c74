package com.kontor.ui.pages;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The Dunning view (DUN-3): the last run, a run started by hand, the proposals released in full or by selection. */
public class DunningPage extends AppPage {

    public DunningPage(WebDriver browser, String baseUrl) {
        super(browser, baseUrl);
        waitForLayout();
        visible(By.id("dunning-last-run"));
        settle();
    }

    public static DunningPage open(AppPage app, String mode) {
        app.go("/" + mode + "/dunning");
        return new DunningPage(app.browser, app.baseUrl);
    }

    public String lastRun() {
        settle();
        return visible(By.id("dunning-last-run")).getText();
    }

    /**
     * Starts a run and waits until the view shows it finished (the view polls the run's progress): the last run is
     * then the one {@code startedBy} started.
     */
    public String startRunAndWait(String startedBy) {
        visible(By.id("dunning-start")).click();
        waiting().until(d -> {
            String text = d.findElement(By.id("dunning-last-run")).getText();
            return (text.startsWith("Last run") || text.startsWith("Letzter Lauf")) && text.contains(startedBy);
        });
        settle();
        return lastRun();
    }

    public void showCollection() {
        visible(By.id("dunning-tab-collection")).click();
        settle();
    }

    public String tabLabel(String id) {
        return visible(By.id(id)).getText();
    }

    /** The TXIDs the proposal list shows now. */
    public List<String> proposedTxids() {
        settle();
        return browser.findElements(By.cssSelector("#dunning-proposals a[id^='proposal-txid-']")).stream()
                .filter(WebElement::isDisplayed)
                .map(WebElement::getText)
                .toList();
    }

    /** Ticks the selection box of the row that shows {@code txid}. */
    public void select(long txid) {
        settle();
        Object clicked = ((JavascriptExecutor) browser).executeScript("""
                const grid = document.getElementById('dunning-proposals');
                for (const tr of grid.shadowRoot.querySelectorAll('tbody#items tr')) {
                  const contents = [...tr.querySelectorAll('td slot')].map(s => s.assignedElements()[0]).filter(c => c);
                  if (contents.some(c => c.textContent.trim() === arguments[0])) {
                    const box = contents[0].querySelector('vaadin-checkbox');
                    box.click();
                    return true;
                  }
                }
                return false;""", Long.toString(txid));
        if (!Boolean.TRUE.equals(clicked)) {
            throw new IllegalStateException("No proposal row for " + txid);
        }
        settle();
    }

    /** Releases the selection and answers the notification. */
    public String releaseSelected() {
        return release("dunning-release-selected");
    }

    public String releaseAll() {
        return release("dunning-release-all");
    }

    private String release(String button) {
        int before = reports().size();
        visible(By.id(button)).click();
        String text = waiting().ignoring(StaleElementReferenceException.class).until(d -> {
            List<String> now = reports();
            return now.size() > before ? now.getLast() : null;
        });
        settle();
        return text;
    }

    /** The notifications that report a release, oldest first (cards of Vaadin's notification overlay). */
    private List<String> reports() {
        return browser.findElements(By.cssSelector("vaadin-notification-card")).stream()
                .map(WebElement::getText)
                .filter(t -> t.contains(" sent,"))
                .toList();
    }

    /** The href of the debt-collection CSV download. */
    public String collectionExportHref() {
        return visible(By.id("dunning-collection-export")).getAttribute("href");
    }
}
