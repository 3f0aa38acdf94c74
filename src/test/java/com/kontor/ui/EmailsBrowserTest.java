package com.kontor.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.kontor.audit.Actor;
import com.kontor.debtor.CardData;
import com.kontor.debtor.MasterData;
import com.kontor.demo.DemoLogins;
import com.kontor.document.DocumentIssuer;
import com.kontor.dunning.DunningFixtures;
import com.kontor.ledger.PaymentMethod;
import com.kontor.ledger.ProcessType;
import com.kontor.money.Money;
import com.kontor.operation.NewPayment;
import com.kontor.operation.PaymentCreation;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.TenancyScope;
import com.kontor.testsupport.BrowserTest;
import com.kontor.ui.pages.EmailsPage;
import com.kontor.ui.pages.LoginPage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * ACC-3, DUN-7 and DOC-4 in the browser: an invoice issued in Müller's test mode for a debtor with an email address
 * lands in the Outbox (titled so, with the hint that nothing leaves in test mode), the row opens the copy with body
 * and attachment, and the Documents view shows the dispatch "In outbox (test)", which opens the same copy. At 1,280
 * and 1,440 px without sideways scrolling; screenshots go to target/widths/.
 */
class EmailsBrowserTest extends BrowserTest {

    @Autowired
    DocumentIssuer issuer;

    @Autowired
    PaymentCreation creation;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theOutboxOfTestModeListsAnIssuedInvoicesEmailAndOpensItsCopy() throws Exception {
        String letters = DunningFixtures.letters().substring(0, 5);
        String address = "olga." + letters + "@example.com";
        long merchant =
                jdbc.queryForObject("select id from merchant where name = ?", Long.class, DemoLogins.MERCHANT_A);
        long portal = jdbc.queryForObject("select min(id) from portal where merchant_id = ?", Long.class, merchant);
        Partition partition = new Partition(merchant, Mode.TEST);
        String customer = "MAILV-" + letters;
        MasterData debtor = new MasterData(
                null, null, "Olga", "Postfach", null, null, null, null, null, "DE", address, null, null, "en", null);
        long txid = TenancyScope.inPartition(
                        partition,
                        () -> creation.create(
                                portal,
                                new NewPayment(
                                        ProcessType.AUTHORIZATION,
                                        customer,
                                        debtor,
                                        "ORD-" + customer,
                                        Money.of(4_200, "EUR"),
                                        PaymentMethod.CARD,
                                        null,
                                        new CardData("tok_" + customer, "VISA", "4242", 12, 2030, null),
                                        null),
                                Actor.system("emails browser test")))
                .txid();
        String number = TenancyScope.inPartition(
                        partition,
                        () -> new TransactionTemplate(transactionManager).execute(status -> issuer.issueInvoice(txid)))
                .number();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.queryForList(
                                "select channel from document_dispatch where partition_key = ? and document_number = ?",
                                String.class,
                                partition.key(),
                                number)
                        .contains("EMAIL"));
        String subject = jdbc.queryForObject(
                "select subject from email_message where partition_key = ? and to_address = ?",
                String.class,
                partition.key(),
                address);
        assertThat(subject).startsWith("Invoice " + number + " from ");

        Dimension before = browser.manage().window().getSize();
        try {
            LoginPage.open(browser, url("")).loginAs("finance@mueller.example", DemoLogins.PASSWORD);
            EmailsPage emails = new EmailsPage(browser, url(""));
            for (int width : new int[] {1440, 1280}) {
                browser.manage().window().setSize(new Dimension(width, 900));
                emails.go("/test/emails");
                assertThat(emails.title()).isEqualTo("Outbox");
                assertThat(emails.hint()).contains("nothing here is sent");
                assertThat(emails.cells()).contains(address, subject, "Outbox (test)", Long.toString(txid));
                screenshot("emails-" + width);
                Map<String, Long> page = sizes();
                assertThat(page.get("scroll"))
                        .as("the page scrolls sideways at " + width)
                        .isLessThanOrEqualTo(page.get("client"));
            }
            emails.openCopy(subject);
            screenshot("email-copy");
            assertThat(emails.copyText())
                    .contains(address)
                    .contains("Outbox (test)")
                    .contains(number + ".pdf")
                    .contains("please find attached invoice " + number)
                    .contains("€42.00");
            emails.closeCopy();

            // the Documents view: the invoice's dispatch opens the same copy
            emails.go("/test/documents");
            new WebDriverWait(browser, Duration.ofSeconds(20))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#documents-number input")))
                    .sendKeys(number, Keys.ENTER);
            emails.settle();
            new WebDriverWait(browser, Duration.ofSeconds(20))
                    .until(ExpectedConditions.textToBe(By.id("dispatch-" + number), "In outbox (test)"));
            screenshot("documents-dispatch-1280");
            browser.findElement(By.id("dispatch-" + number)).click();
            emails.settle();
            assertThat(emails.copyText()).contains(address).contains(number + ".pdf");
        } finally {
            browser.manage().window().setSize(before);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Long> sizes() {
        return (Map<String, Long>) browser.executeScript("return {scroll: document.documentElement.scrollWidth,"
                + " client: document.documentElement.clientWidth};");
    }

    private void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "widths");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
