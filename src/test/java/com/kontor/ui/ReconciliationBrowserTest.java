package com.kontor.ui;

import static com.kontor.psp.SettlementFixtures.adyenFee;
import static com.kontor.psp.SettlementFixtures.adyenLine;
import static com.kontor.psp.SettlementFixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.debtor.DebtorService;
import com.kontor.demo.DemoLogins;
import com.kontor.dunning.DunningFixtures;
import com.kontor.ledger.BulkProcesses;
import com.kontor.psp.SettlementFixtures;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.Partition;
import com.kontor.testsupport.BrowserTest;
import com.kontor.testsupport.TestUsers;
import com.kontor.ui.pages.AppPage;
import com.kontor.ui.pages.LoginPage;
import com.kontor.ui.pages.ReconciliationPage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * PSP-4 in the browser: FINANCE uploads an Adyen settlement report for Müller's test mode and sees every kind of
 * difference, resolves one by booking the settled amount, uploads the same file again (nothing changes) and a
 * malformed one (refused, naming the line).
 */
class ReconciliationBrowserTest extends BrowserTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DebtorService debtors;

    @Autowired
    BulkProcesses bulk;

    @Autowired
    PlatformTransactionManager transactions;

    /** At this window width neither the page nor the differences grid scrolls sideways; a screenshot to look at. */
    private boolean fitsTheWindow(int width, String screenshot) throws Exception {
        org.openqa.selenium.Dimension before = browser.manage().window().getSize();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
        try {
            Thread.sleep(300);
            Path dir = Path.of("target", "widths");
            Files.createDirectories(dir);
            Files.write(
                    dir.resolve(screenshot + ".png"), browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            Object fits = browser.executeScript("const d = document.documentElement;"
                    + " const t = document.getElementById('reconciliation-differences').shadowRoot"
                    + ".querySelector('#table');"
                    + " return d.scrollWidth <= d.clientWidth && t.scrollWidth <= t.clientWidth;");
            return Boolean.TRUE.equals(fits);
        } finally {
            browser.manage().window().setSize(before);
        }
    }

    @Test
    void financeImportsAReportResolvesADifferenceAndReimportsNothing() throws Exception {
        Partition test = new Partition(new TestUsers(jdbc).merchantId("Müller Handels GmbH"), Mode.TEST);
        long portal = jdbc.queryForObject(
                "select id from portal where merchant_id = ? order by id limit 1", Long.class, test.merchantId());
        SettlementFixtures f = new SettlementFixtures(test, portal, debtors, bulk, transactions);
        Instant old = Instant.now().minus(Duration.ofDays(4));
        String matched = "brmatched" + DunningFixtures.letters();
        String differs = "brdiffers" + DunningFixtures.letters();
        String missing = "brmissing" + DunningFixtures.letters();
        String unknown = "brunknown" + DunningFixtures.letters();
        f.cardSale(matched, 1_500, old);
        long differsTxid = f.cardSale(differs, 2_500, old);
        f.cardSale(missing, 3_500, old);
        Path file = Files.createTempFile("settlement", ".csv");
        Files.writeString(
                file,
                report(
                        adyenLine("Settled", matched, "auth-" + matched, old, "15.00", "0.20"),
                        adyenLine("Settled", differs, "auth-" + differs, old, "24.00", "0.30"),
                        adyenLine("Settled", unknown, "auth-" + unknown, old, "9.00", "0.10"),
                        adyenFee(old, "2.00")),
                StandardCharsets.UTF_8);

        AppPage finance = LoginPage.open(browser, url("")).loginAs("finance@mueller.example", DemoLogins.PASSWORD);
        ReconciliationPage page = ReconciliationPage.open(finance, "test");
        assertThat(page.upload(file))
                .contains("4 lines", "Matched: 1", "amount differs: 1", "unknown: 1", "with fees: 4");
        assertThat(page.differencesWith(differs))
                .contains(differs, unknown, missing, "Amount differs", "Unknown in Kontor", "Missing in the report")
                .doesNotContain(matched);

        for (int width : new int[] {1280, 1440}) {
            assertThat(fitsTheWindow(width, "reconciliation-" + width))
                    .as("nothing scrolls sideways at %d px", width)
                    .isTrue();
        }

        page.resolve(differs, "Adyen kept 1.00; booked what arrived.", true);
        assertThat(page.result()).contains("resolved");
        assertThat(jdbc.queryForObject("select paid from payment_process where txid = ?", Long.class, differsTxid))
                .isEqualTo(2_400L);
        page.show("Resolved");
        assertThat(page.differencesWith("Adyen kept 1.00; booked what arrived."))
                .anyMatch(cell -> cell.contains("finance@mueller.example"));
        page.show("Open");

        int lines = jdbc.queryForObject(
                "select count(*) from settlement_line where partition_key = ?", Integer.class, test.key());
        // the same bytes again (under another name: a browser does not choose the same path twice)
        Path copy = Files.copy(file, file.resolveSibling("again-" + file.getFileName()));
        assertThat(page.upload(copy)).contains("already imported", "finance@mueller.example");
        assertThat(jdbc.queryForObject(
                        "select count(*) from settlement_line where partition_key = ?", Integer.class, test.key()))
                .isEqualTo(lines);

        Path malformed = Files.createTempFile("malformed", ".csv");
        Files.writeString(
                malformed,
                report(
                        adyenLine("Settled", matched, "auth-" + matched, old, "15.00", "0.20"),
                        adyenLine("Settled", differs, "auth-" + differs, old, "24.00", "0.30")
                                .replace(",EUR,", ",EURO,")),
                StandardCharsets.UTF_8);
        assertThat(page.upload(malformed)).contains("Line 3", "EURO", "nothing of it was kept");
        assertThat(jdbc.queryForObject(
                        "select count(*) from settlement_line where partition_key = ?", Integer.class, test.key()))
                .isEqualTo(lines);
    }
}
