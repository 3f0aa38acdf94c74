package com.kontor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.debtor.DebtorService;
import com.kontor.demo.DemoLogins;
import com.kontor.dunning.DunningRunTest;
import com.kontor.ledger.Ledger;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.Partition;
import com.kontor.testsupport.BrowserTest;
import com.kontor.testsupport.TestUsers;
import com.kontor.ui.pages.AccountingExportPage;
import com.kontor.ui.pages.AppPage;
import com.kontor.ui.pages.LoginPage;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * ACCT-1 in the browser as finance@ of Müller in test mode: this month exported as a DATEV batch, downloaded with the
 * session (the DATEV header and the line of a booking made for the test), then listed among the earlier exports; the
 * page fits 1,280 and 1,440 px without sideways scrolling.
 */
class AccountingExportBrowserTest extends BrowserTest {

    static final String FINANCE = "finance@mueller.example";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    DebtorService debtors;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void financeExportsTheMonthAsDatevBatchAndDownloadsIt() throws Exception {
        Partition test = new Partition(new TestUsers(jdbc).merchantId("Müller Handels GmbH"), Mode.TEST);
        var f = DunningRunTest.fixtures(test, ledger, debtors, jdbc, transactions);
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        LocalDate today = LocalDate.now(berlin);
        long debtor = f.consumer("browser-accounting@example.org");
        long invoice = f.invoice(debtor, 43_210, today.plusDays(14));

        AppPage finance = LoginPage.open(browser, url("")).loginAs(FINANCE, DemoLogins.PASSWORD);
        AccountingExportPage page = AccountingExportPage.open(finance, "test");
        YearMonth month = YearMonth.from(today);
        page.month(month.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH)));
        page.format("DATEV batch");
        String result = page.export();
        assertThat(result).containsAnyOf("Exported.", "bookings arrived", "differs", "Same as");

        byte[] file = download(page.downloadHref(), true).body();
        List<String> lines = Arrays.asList(new String(file, Charset.forName("windows-1252")).split("\r\n"));
        String[] header = lines.getFirst().split(";", -1);
        assertThat(header).hasSize(31);
        assertThat(lines.getFirst()).startsWith("\"EXTF\";700;21;\"Buchungsstapel\";13;");
        assertThat(header[14]).isEqualTo(month.atDay(1).format(DateTimeFormatter.BASIC_ISO_DATE));
        assertThat(header[15]).isEqualTo(month.atEndOfMonth().format(DateTimeFormatter.BASIC_ISO_DATE));
        assertThat(header[16]).isEqualTo("\"Kontor TEST " + month + "\"");
        assertThat(lines.get(1).split(";", -1)).hasSize(125);
        assertThat(lines)
                .as("the receivable of TXID " + invoice)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("432,10;\"S\";\"EUR\";;;;1410;8400;;"
                                + today.format(DateTimeFormatter.ofPattern("ddMM")) + ";")
                        .contains("\"Forderung TXID " + invoice + "\""));
        assertThat(download(page.downloadHref(), false).body()).isNotEqualTo(file);

        assertThat(page.earlier()).contains(month.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH)));
        for (int width : new int[] {1280, 1440}) {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
            Object overflow = browser.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
            assertThat(((Number) overflow).intValue()).as("at " + width + " px").isLessThanOrEqualTo(0);
        }
    }

    @Test
    void adminSeesABadAccountRefusedNextToItsFieldAndNothingSaved() throws Exception {
        long merchant = new TestUsers(jdbc).merchantId("Müller Handels GmbH");
        long before = jdbc.queryForObject(
                "select count(*) from audit_event where merchant_id = ? and event_type = 'ACCOUNT_MAPPING_CHANGED'",
                Long.class,
                merchant);
        AppPage admin = LoginPage.open(browser, url("")).loginAs("admin@mueller.example", DemoLogins.PASSWORD);
        var mapping = AccountingExportPage.MappingPage.open(admin, "test");
        mapping.account("receivables", "123");
        mapping.save();
        assertThat(mapping.error("receivables")).isEqualTo("Exactly 4 digits");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where merchant_id = ? and event_type = 'ACCOUNT_MAPPING_CHANGED'",
                        Long.class,
                        merchant))
                .isEqualTo(before);
    }
}
