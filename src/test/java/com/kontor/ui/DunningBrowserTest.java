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
import com.kontor.ui.pages.AppPage;
import com.kontor.ui.pages.DunningPage;
import com.kontor.ui.pages.LoginPage;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * DUN-3, DUN-7 in the browser as finance@ of Müller in test mode: a run started by hand shows its result, the proposed
 * dunning list releases one process by selection (its letter is issued, its fee booked) and then the rest, the
 * debt-collection list releases its case, and the agency's CSV lists it, marked TEST.
 */
class DunningBrowserTest extends BrowserTest {

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
    void financeRunsReleasesASelectionThenTheRestAndExportsTheCollectionCase() throws Exception {
        Partition test = new Partition(new TestUsers(jdbc).merchantId("Müller Handels GmbH"), Mode.TEST);
        var f = DunningRunTest.fixtures(test, ledger, debtors, jdbc, transactions);
        LocalDate today = LocalDate.now();
        long debtor = f.consumer("browser-dunning@example.org");
        long first = f.invoice(debtor, 12_000, today.minusDays(10)); // level 1 after 7 days
        long second = f.invoice(debtor, 23_000, today.minusDays(50));
        f.reached(second, 1, today.minusDays(1)); // level 2 due
        long collection = f.invoice(debtor, 34_000, today.minusDays(120));
        f.reached(collection, 3, today); // after the last level: debt collection

        AppPage finance = LoginPage.open(browser, url("")).loginAs(FINANCE, DemoLogins.PASSWORD);
        DunningPage dunning = DunningPage.open(finance, "test");
        assertThat(dunning.startRunAndWait(FINANCE)).startsWith("Last run").contains("by finance@mueller.example");
        assertThat(dunning.proposedTxids()).contains(Long.toString(first), Long.toString(second));

        dunning.select(second);
        assertThat(dunning.releaseSelected()).startsWith("1 sent");
        assertThat(jdbc.queryForMap(
                        "select reminder_level, dunning_status from payment_process where txid = ?", second))
                .containsEntry("reminder_level", 2)
                .containsEntry("dunning_status", "LEVEL_2");
        assertThat(jdbc.queryForList(
                        "select receivable_type from booking where txid = ? and booking_type = 'FEE' order by id",
                        String.class,
                        second))
                .as("level 2's fee of 5.00, and default interest for the 43 days since the due date")
                .containsExactly("DUNNING_FEE", "PENALTY_INTEREST");
        assertThat(jdbc.queryForObject(
                        "select document_number from dunning_notice where txid = ? and level = 2",
                        String.class,
                        second))
                .startsWith("MA-");
        assertThat(dunning.proposedTxids()).contains(Long.toString(first)).doesNotContain(Long.toString(second));

        assertThat(dunning.releaseAll()).contains("sent");
        assertThat(dunning.proposedTxids()).isEmpty();
        assertThat(jdbc.queryForObject(
                        "select reminder_level from payment_process where txid = ?", Integer.class, first))
                .isEqualTo(1);

        dunning.showCollection();
        assertThat(dunning.proposedTxids()).contains(Long.toString(collection));
        dunning.releaseAll();
        assertThat(jdbc.queryForObject(
                        "select dunning_status from payment_process where txid = ?", String.class, collection))
                .isEqualTo("DEBT_COLLECTION");

        String csv = new String(download(dunning.collectionExportHref(), true).body(), StandardCharsets.UTF_8);
        List<String> rows = csv.lines().toList();
        assertThat(rows.getFirst()).startsWith("\uFEFFmode,txid,reference");
        assertThat(rows)
                .anySatisfy(row -> assertThat(row)
                        .startsWith("TEST," + collection + ",")
                        .contains("browser-dunning@example.org")
                        .contains(",340.00,EUR,"));
        // audited once the file is written: the response may reach the browser a moment before
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from audit_event where event_type = 'DUNNING_COLLECTION_EXPORTED'",
                                Long.class)
                        > 0);
        widths("dunning");
    }

    private void widths(String name) {
        for (int width : new int[] {1280, 1440}) {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
            Object overflow = ((org.openqa.selenium.JavascriptExecutor) browser)
                    .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
            assertThat(((Number) overflow).intValue())
                    .as(name + " at " + width + " px")
                    .isLessThanOrEqualTo(0);
        }
    }
}
