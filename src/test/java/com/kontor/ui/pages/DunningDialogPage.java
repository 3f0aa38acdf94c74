package com.kontor.ui.pages;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The dunning dialogs of the debtor's page (DUN-4..6): the debtor's dunning list with its blocks, and the process's
 * dialog with its tabs "Dunning steps", "Set level" and "Blocks".
 */
public class DunningDialogPage extends AppPage {

    private final String dialogId;

    private DunningDialogPage(WebDriver browser, String baseUrl, String dialogId) {
        super(browser, baseUrl);
        this.dialogId = dialogId;
        visible(By.id(dialogId));
        settle();
    }

    /** Opens the debtor's dunning list by the Dunning button under its master data. */
    public static DunningDialogPage ofDebtor(DebtorDetailPage page) {
        page.visible(By.id("debtor-dunning")).click();
        return new DunningDialogPage(page.browser, page.baseUrl, "debtor-dunning-dialog");
    }

    /** Opens the selected process's dunning dialog by the process panel's Dunning button. */
    public static DunningDialogPage ofProcess(DebtorDetailPage page) {
        page.visible(By.id("process-dunning-open")).click();
        return new DunningDialogPage(page.browser, page.baseUrl, "process-dunning-dialog");
    }

    /** Adds a block with this reason (no end date) and waits until the form is empty again. */
    public DunningDialogPage addBlock(String reason) {
        type(By.id("dunning-block-reason"), reason);
        visible(By.id("dunning-block-add")).click();
        settle();
        return this;
    }

    /** The message next to the block's reason field, empty when it is fine. */
    public String reasonError() {
        WebElement field = visible(By.id("dunning-block-reason"));
        return field.getDomAttribute("invalid") == null ? "" : field.getDomProperty("errorMessage");
    }

    public List<String> blockCells() {
        return gridCells("dunning-blocks-grid");
    }

    public String blockState(long blockId) {
        return visible(By.id("dunning-block-state-" + blockId)).getText();
    }

    public DunningDialogPage liftBlock(long blockId) {
        visible(By.id("dunning-block-lift-" + blockId)).click();
        settle();
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("dunning-block-lift-" + blockId)));
        return this;
    }

    /** Switches to the tab with this label. */
    public DunningDialogPage tab(String label) {
        WebElement tab = waiting()
                .until(d -> d.findElements(By.cssSelector("#process-dunning-tabs vaadin-tab")).stream()
                        .filter(t -> t.getText().strip().equals(label))
                        .findFirst()
                        .orElse(null));
        tab.click();
        settle();
        return this;
    }

    /** Sets a level by hand; {@code send} ticks "Send dunning notice / forward to debt collection". */
    public DunningDialogPage setLevel(String levelLabel, boolean send) {
        pick(By.id("dunning-set-level"), levelLabel);
        WebElement checkbox = visible(By.id("dunning-set-send"));
        if ("true".equals(checkbox.getDomProperty("checked")) != send) {
            checkbox.click();
        }
        visible(By.id("dunning-set-apply")).click();
        settle();
        return this;
    }

    /** The message next to the level choice, empty when it is fine. */
    public String levelError() {
        WebElement field = visible(By.id("dunning-set-level"));
        return field.getDomAttribute("invalid") == null ? "" : field.getDomProperty("errorMessage");
    }

    public String currentLevel() {
        return visible(By.id("process-dunning-level")).getText();
    }

    public String blockedState() {
        return visible(By.id("process-dunning-blocked")).getText();
    }

    public List<String> stepCells() {
        return gridCells("dunning-steps-grid");
    }

    public List<String> debtorListCells() {
        return gridCells("debtor-dunning-grid");
    }

    /** Closes the dialog and waits until it is gone. */
    public void close() {
        String closeId = dialogId.replace("-dialog", "-close");
        visible(By.id(closeId)).click();
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id(dialogId)));
        settle();
    }
}
