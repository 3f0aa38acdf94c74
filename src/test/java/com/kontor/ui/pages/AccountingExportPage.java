package com.kontor.ui.pages;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The accounting export (ACCT-1): a month or a range, the format, "Export", the result and the earlier exports. */
public class AccountingExportPage extends AppPage {

    public AccountingExportPage(WebDriver browser, String baseUrl) {
        super(browser, baseUrl);
        waitForLayout();
        visible(By.id("accounting-exports"));
        settle();
    }

    public static AccountingExportPage open(AppPage app, String mode) {
        app.go("/" + mode + "/accounting-export");
        return new AccountingExportPage(app.browser, app.baseUrl);
    }

    public void month(String label) {
        pick(By.id("accounting-export-month"), label);
    }

    public void format(String label) {
        pick(By.id("accounting-export-format"), label);
    }

    /** Exports and answers what the view says about the file. */
    public String export() {
        visible(By.id("accounting-export-start")).click();
        String text = waiting().until(d -> {
            List<WebElement> result = d.findElements(By.id("accounting-export-result"));
            return result.isEmpty() || !result.getFirst().isDisplayed()
                    ? null
                    : result.getFirst().getText();
        });
        settle();
        return text;
    }

    /** The href of the file the last export made. */
    public String downloadHref() {
        return visible(By.id("accounting-export-download")).getAttribute("href");
    }

    /** The texts of the earlier exports' grid cells. */
    public List<String> earlier() {
        return gridCells("accounting-exports");
    }

    /** The account mapping on Administration (ACCT-1), as admin@ sees it. */
    public static class MappingPage extends AppPage {

        public MappingPage(WebDriver browser, String baseUrl) {
            super(browser, baseUrl);
            waitForLayout();
            visible(By.id("save-account-mapping"));
            settle();
        }

        public static MappingPage open(AppPage app, String mode) {
            app.go("/" + mode + "/admin/account-mapping");
            return new MappingPage(app.browser, app.baseUrl);
        }

        public void account(String field, String digits) {
            type(By.id("account-mapping-" + field), digits);
        }

        public void save() {
            visible(By.id("save-account-mapping")).click();
            settle();
        }

        /** The error shown next to the field, or empty. */
        public String error(String field) {
            WebElement f = visible(By.id("account-mapping-" + field));
            return f.getAttribute("invalid") == null ? "" : f.getAttribute("errorMessage");
        }
    }
}
