package com.kontor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.audit.Actor;
import com.kontor.debtor.MasterData;
import com.kontor.demo.DemoLogins;
import com.kontor.ledger.PaymentMethod;
import com.kontor.ledger.ProcessType;
import com.kontor.money.Money;
import com.kontor.operation.NewPayment;
import com.kontor.operation.PaymentCreation;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.TenancyScope;
import com.kontor.testsupport.BrowserTest;
import com.kontor.ui.pages.DebtorDetailPage;
import com.kontor.ui.pages.DunningDialogPage;
import com.kontor.ui.pages.LoginPage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * DUN-4..6 on the debtor's page: FINANCE blocks a debtor's dunning with a reason (an empty reason is refused at the
 * field), sees the block listed as active and lifts it; then opens the process's dunning dialog, sets a level by hand
 * without sending, and the steps list shows it as internal only, the page the new dunning status.
 */
class DebtorDunningBrowserTest extends BrowserTest {

    @Autowired
    PaymentCreation creation;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void financeBlocksAndLiftsADebtorsDunningAndSetsAProcessLevelByHandWithoutSending() throws Exception {
        long merchant =
                jdbc.queryForObject("select id from merchant where name = ?", Long.class, DemoLogins.MERCHANT_A);
        long portal = jdbc.queryForObject("select min(id) from portal where merchant_id = ?", Long.class, merchant);
        String customer = "DUNV-" + UUID.randomUUID().toString().substring(0, 8);
        long txid = TenancyScope.inPartition(
                        new Partition(merchant, Mode.TEST),
                        () -> creation.create(
                                portal,
                                new NewPayment(
                                        ProcessType.AUTHORIZATION,
                                        customer,
                                        MasterData.ofName("Dora", "Dunning"),
                                        "ORD-" + customer,
                                        Money.of(12_000, "EUR"),
                                        PaymentMethod.INVOICE,
                                        null,
                                        null,
                                        null),
                                Actor.system("dunning browser test")))
                .txid();
        long debtorNumber = jdbc.queryForObject(
                "select d.debtor_number from debtor d join payment_process p on p.debtor_id = d.id where p.txid = ?",
                Long.class,
                txid);
        Dimension before = browser.manage().window().getSize();
        try {
            browser.manage().window().setSize(new Dimension(1440, 900));
            walkThrough(txid, debtorNumber, customer);
        } finally {
            browser.manage().window().setSize(before);
        }
    }

    private void walkThrough(long txid, long debtorNumber, String customer) throws Exception {
        DebtorDetailPage debtor = DebtorDetailPage.open(
                LoginPage.open(browser, url("")).loginAs("finance@mueller.example", DemoLogins.PASSWORD),
                "test",
                debtorNumber,
                txid);
        screenshot("debtor-page-1440");
        DunningDialogPage list = DunningDialogPage.ofDebtor(debtor);
        assertThat(list.addBlock(" ").reasonError()).isEqualTo("Please give a reason for the block.");
        String reason = "Customer disputes the delivery " + customer.substring(5);
        assertThat(list.addBlock(reason).blockCells()).contains("Debtor (all processes)", reason, "Until lifted");
        long blockId = jdbc.queryForObject("select id from dunning_block where reason = ?", Long.class, reason);
        assertThat(list.blockState(blockId)).isEqualTo("Active");
        screenshot("debtor-dunning-1440");
        assertThat(scrollsSideways()).as("the page scrolls sideways at 1440 px").isFalse();
        list.close();
        browser.manage().window().setSize(new Dimension(1280, 900));
        DunningDialogPage process = DunningDialogPage.ofProcess(debtor);
        assertThat(process.blockedState()).isEqualTo("Dunning blocked"); // the debtor's block holds for its process
        process.tab("Blocks");
        assertThat(process.blockCells()).contains(reason);
        process.liftBlock(blockId);
        assertThat(process.blockState(blockId)).startsWith("Lifted").contains("finance@mueller.example");
        assertThat(process.blockedState()).isEqualTo("Not blocked");

        process.tab("Set level").setLevel("Reminder 2", false);
        assertThat(process.levelError()).isEmpty();
        assertThat(process.currentLevel()).isEqualTo("Current level: Reminder 2");
        process.tab("Dunning steps");
        assertThat(process.stepCells()).contains("Reminder 2", "Internal only");
        screenshot("process-dunning-1280");
        assertThat(scrollsSideways()).as("the page scrolls sideways at 1280 px").isFalse();
        process.close();
        DebtorDetailPage reloaded = DebtorDetailPage.open(debtor, "test", debtorNumber, txid);
        assertThat(reloaded.bodyText()).contains("Dunning: Reminder 2");
        // DUN-6: the debtor's dunning list names the step with its TXID, level and next notice
        assertThat(DunningDialogPage.ofDebtor(reloaded).debtorListCells())
                .contains(Long.toString(txid), "Reminder 2 · Internal only", "€120.00");
    }

    private boolean scrollsSideways() {
        return (Boolean) browser.executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
    }

    private void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "widths");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
