package com.kontor.ui.pages;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A debtor's detail view (TX-6): master data and buttons on the left, payment data with their blacklist state, the
 * process list, and the selected process with its account on the right; the dialogs that open from it.
 */
public class DebtorDetailPage extends AppPage {

    public DebtorDetailPage(WebDriver browser, String baseUrl) {
        super(browser, baseUrl);
        present(By.id("debtor-detail"));
        settle();
    }

    /** Opens a debtor (and one of its processes) by its URL, as a link shared by a colleague would. */
    public static DebtorDetailPage open(AppPage app, String mode, long debtorNumber, Long txid) {
        app.go("/" + mode + "/debtors/" + debtorNumber + (txid == null ? "" : "/" + txid));
        return new DebtorDetailPage(app.browser, app.baseUrl);
    }

    /** The debtor number of the debtor shown, from the view's URL. */
    public long debtorNumber() {
        String[] parts = path().split("/");
        return Long.parseLong(parts[3]);
    }

    public String name() {
        return visible(By.id("debtor-name")).getText();
    }

    public String processHeading() {
        return visible(By.id("process-txid")).getText();
    }

    public String processStatus() {
        return visible(By.id("process-status")).getText();
    }

    public String balance() {
        return visible(By.id("process-balance")).getText();
    }

    /** The event account's cells, row by row. */
    public List<String> account() {
        return gridCells("account-grid");
    }

    /** Opens the customer account (TX-5); answers its cells. */
    public List<String> openCustomerAccount() {
        visible(By.id("customer-account")).click();
        return gridCells("customer-account-grid");
    }

    /** The totals under the customer account, one line per currency. */
    public String customerAccountTotals() {
        return visible(By.id("customer-account-totals")).getText();
    }

    /** Opens the change history (DEB-5); answers its cells. */
    public List<String> openHistory() {
        visible(By.id("debtor-history")).click();
        return gridCells("history-grid");
    }

    /** Opens the selected process's provider log (TX-8); answers its cells. */
    public List<String> openProviderLog() {
        visible(By.id("provider-log")).click();
        return gridCells("provider-log-grid");
    }

    /** Closes the open list dialog by its close button's id (history-close, provider-log-close, ...). */
    public DebtorDetailPage close(String closeButtonId) {
        visible(By.id(closeButtonId)).click();
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id(closeButtonId)));
        settle();
        return this;
    }

    /** The blacklist state beside a value: {@code email-0}, {@code iban-0}, {@code card-0}. */
    public String blacklistState(String value) {
        return visible(By.id("bl-state-" + value)).getText();
    }

    /** Puts a value on the blacklist without an expiry and waits until the view shows it. */
    public DebtorDetailPage blacklist(String value) {
        visible(By.id("bl-add-" + value)).click();
        waiting()
                .until(ExpectedConditions.elementToBeClickable(By.id("bl-confirm")))
                .click();
        waiting().until(ExpectedConditions.textToBe(By.id("bl-state-" + value), "blacklisted"));
        settle();
        return this;
    }

    /** Opens a money dialog by its button ({@code capture}, {@code refund}, {@code credit}, ...). */
    public MoneyDialogPage money(String button) {
        visible(By.id(button)).click();
        String dialog = switch (button) {
            case "derecognise" -> "derecognition-dialog";
            default -> button + "-dialog";
        };
        return new MoneyDialogPage(browser, baseUrl, dialog);
    }

    /** Whether the process panel offers this action. */
    public boolean offers(String button) {
        return exists(By.id(button));
    }

    /** What of the process waits for approval or was decided (OPS-6), as the panel says it. */
    public String approvals() {
        return exists(By.id("process-approvals"))
                ? browser.findElement(By.id("process-approvals")).getText()
                : "";
    }

    public CommentDialog commentOnProcess() {
        visible(By.id("comment-process")).click();
        return new CommentDialog(browser, baseUrl);
    }

    public EditDebtorDialog edit() {
        visible(By.id("edit-debtor")).click();
        return new EditDebtorDialog(browser, baseUrl);
    }

    /** Follows the link to the debtor's audit log. */
    public AuditPage openAuditLog() {
        visible(By.id("debtor-audit-log")).click();
        return new AuditPage(browser, baseUrl);
    }

    /** Whether Kontor answered "not found" instead of a debtor. */
    public static boolean notFound(AppPage app) {
        return app.exists(By.id("not-found"));
    }

    /** The dialog of a comment on the debtor or a process (AUD-4). */
    public static class CommentDialog extends Page {

        CommentDialog(WebDriver browser, String baseUrl) {
            super(browser, baseUrl);
            visible(By.id("comment-text"));
            settle();
        }

        public CommentDialog write(String text) {
            visible(By.cssSelector("#comment-text textarea")).sendKeys(text);
            return this;
        }

        public CommentDialog save() {
            visible(By.id("comment-save")).click();
            settle();
            return this;
        }

        public boolean refused() {
            return browser.findElement(By.id("comment-text")).getDomAttribute("invalid") != null;
        }
    }
}
