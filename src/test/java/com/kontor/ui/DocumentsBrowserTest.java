package com.kontor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.audit.Actor;
import com.kontor.debtor.CardData;
import com.kontor.debtor.MasterData;
import com.kontor.demo.DemoLogins;
import com.kontor.document.DocumentIssuer;
import com.kontor.document.IssuedDocument;
import com.kontor.ledger.PaymentMethod;
import com.kontor.ledger.ProcessType;
import com.kontor.money.Money;
import com.kontor.operation.NewPayment;
import com.kontor.operation.PaymentCreation;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.TenancyScope;
import com.kontor.testsupport.BrowserTest;
import com.kontor.ui.pages.AppPage;
import com.kontor.ui.pages.LoginPage;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * DOC-3 in the browser at the two window widths staff work at: a finance user finds an invoice by the start of its
 * number, the row names its debtor and links its process, and the PDF downloads through the link with the user's
 * session (read back with PDFBox: number and debtor name); the same link without the session gives no PDF. The
 * debtor's page lists the document under "Documents". Screenshots go to target/widths/.
 */
class DocumentsBrowserTest extends BrowserTest {

    @Autowired
    DocumentIssuer issuer;

    @Autowired
    PaymentCreation creation;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    JdbcTemplate jdbc;

    /** A card payment of a new debtor of Müller's test mode: paid, without an invoice. */
    private Payment paymentOfNewDebtor(String lastName) {
        long merchant =
                jdbc.queryForObject("select id from merchant where name = ?", Long.class, DemoLogins.MERCHANT_A);
        long portal = jdbc.queryForObject("select min(id) from portal where merchant_id = ?", Long.class, merchant);
        Partition partition = new Partition(merchant, Mode.TEST);
        String customer = "DOCV-" + UUID.randomUUID().toString().substring(0, 8);
        long txid = TenancyScope.inPartition(
                        partition,
                        () -> creation.create(
                                portal,
                                new NewPayment(
                                        ProcessType.AUTHORIZATION,
                                        customer,
                                        MasterData.ofName("Ołeńka", lastName),
                                        "ORD-" + customer,
                                        Money.of(2_500, "EUR"),
                                        PaymentMethod.CARD,
                                        null,
                                        new CardData("tok_" + customer, "VISA", "4242", 12, 2030, null),
                                        null),
                                Actor.system("documents browser test")))
                .txid();
        long debtorNumber = jdbc.queryForObject(
                "select d.debtor_number from debtor d join payment_process p on p.debtor_id = d.id where p.txid = ?",
                Long.class,
                txid);
        return new Payment(partition, txid, debtorNumber);
    }

    record Payment(Partition partition, long txid, long debtorNumber) {}

    /** An invoice of a new debtor of Müller's test mode, issued as FINANCE would on demand. */
    private Issued invoiceOfNewDebtor(String lastName) {
        Payment payment = paymentOfNewDebtor(lastName);
        IssuedDocument issued = TenancyScope.inPartition(
                payment.partition(),
                () -> new TransactionTemplate(transactionManager)
                        .execute(status -> issuer.issueInvoice(payment.txid())));
        return new Issued(issued, payment.debtorNumber());
    }

    record Issued(IssuedDocument document, long debtorNumber) {}

    @ParameterizedTest
    @ValueSource(ints = {1280, 1440})
    void financeFindsAnInvoiceByNumberAndDownloadsItsPdf(int width) throws Exception {
        String lastName =
                "Weiß-" + UUID.randomUUID().toString().replaceAll("[^a-z]", "").substring(0, 5);
        Issued issued = invoiceOfNewDebtor(lastName);
        String number = issued.document().number();
        Dimension before = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(width, 900));
        try {
            AppPage app = LoginPage.open(browser, url("")).loginAs("finance@mueller.example", DemoLogins.PASSWORD);
            app.go("/test/documents");
            WebElement input = waitFor(By.cssSelector("#documents-number input"));
            input.sendKeys(number, Keys.ENTER);
            app.settle();
            waitFor(By.id("download-" + number));
            assertThat(app.gridCells("documents-grid"))
                    .contains(number, "Invoice", "Ołeńka " + lastName + " (" + issued.debtorNumber() + ")")
                    .contains(Long.toString(issued.document().txid()));
            screenshot("documents-" + width);
            Map<String, Long> page = js("return {scroll: document.documentElement.scrollWidth,"
                    + " client: document.documentElement.clientWidth};");
            assertThat(page.get("scroll")).as("the page scrolls sideways").isLessThanOrEqualTo(page.get("client"));

            String href = browser.findElement(By.id("download-" + number)).getAttribute("href");
            HttpResponse<byte[]> pdf = download(href, true);
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Disposition").orElse(""))
                    .contains(number + ".pdf");
            try (PDDocument document = Loader.loadPDF(pdf.body())) {
                assertThat(new PDFTextStripper().getText(document))
                        .contains(number)
                        .contains("Ołeńka " + lastName);
            }
            HttpResponse<byte[]> anonymous = download(href, false);
            assertThat(new String(anonymous.body(), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .as("without the session the link gives no PDF")
                    .doesNotStartWith("%PDF");

            // the TXID opens the debtor's page with the process; its "Documents" lists the invoice
            waitFor(By.id("txid-" + number)).click();
            app.settle();
            waitFor(By.id("process-documents")).click();
            app.settle();
            assertThat(app.gridCells("documents-grid")).contains(number, "Invoice");
        } finally {
            browser.manage().window().setSize(before);
        }
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(browser, java.time.Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    @org.junit.jupiter.api.Test
    void financeIssuesAnInvoiceOnDemandWhichTheDebtorsDocumentsList() throws Exception {
        String lastName =
                "Nowak-" + UUID.randomUUID().toString().replaceAll("[^a-z]", "").substring(0, 5);
        Payment payment = paymentOfNewDebtor(lastName);
        String page = "/test/debtors/" + payment.debtorNumber() + "/" + payment.txid();

        AppPage support = LoginPage.open(browser, url("")).loginAs("support@mueller.example", DemoLogins.PASSWORD);
        support.go(page);
        waitFor(By.id("process-documents"));
        assertThat(browser.findElements(By.id("issue-invoice")))
                .as("SUPPORT does not issue invoices")
                .isEmpty();
        support.logout();

        AppPage finance = LoginPage.open(browser, url("")).loginAs("finance@mueller.example", DemoLogins.PASSWORD);
        finance.go(page);
        waitFor(By.id("issue-invoice"));
        screenshot("debtor-issue-invoice");
        waitFor(By.id("issue-invoice")).click();
        finance.settle();
        String number = new WebDriverWait(browser, java.time.Duration.ofSeconds(20))
                .until(d -> jdbc
                        .queryForList(
                                "select number from document where txid = ? and type = 'INVOICE'",
                                String.class,
                                payment.txid())
                        .stream()
                        .findFirst()
                        .orElse(null));
        waitFor(By.id("debtor-documents"));
        finance.settle();
        assertThat(browser.findElements(By.id("issue-invoice")))
                .as("an invoice is issued once: the button is gone")
                .isEmpty();
        waitFor(By.id("debtor-documents")).click();
        finance.settle();
        assertThat(finance.gridCells("documents-grid")).contains(number, "Invoice", Long.toString(payment.txid()));
        screenshot("debtor-documents");
        assertThat(jdbc.queryForObject(
                        "select invoice_number from payment_process where txid = ?", String.class, payment.txid()))
                .isEqualTo(number);
    }

    /**
     * DEB-6: the debtor's payment data list its SEPA mandate (reference, masked IBAN) and the mandate's PDF downloads
     * with the session, showing the masked IBAN and never the full one; without the session there is no PDF.
     */
    @org.junit.jupiter.api.Test
    void supportSeesTheDebtorsMandateAndDownloadsItsPdf() throws Exception {
        long merchant =
                jdbc.queryForObject("select id from merchant where name = ?", Long.class, DemoLogins.MERCHANT_A);
        long portal = jdbc.queryForObject("select min(id) from portal where merchant_id = ?", Long.class, merchant);
        String customer = "MAND-" + UUID.randomUUID().toString().replaceAll("[^a-z]", "");
        String iban = com.kontor.document.DocumentFixtures.germanIban();
        long txid = TenancyScope.inPartition(
                        new Partition(merchant, Mode.TEST),
                        () -> creation.create(
                                portal,
                                new NewPayment(
                                        ProcessType.AUTHORIZATION,
                                        customer,
                                        MasterData.ofName("Jörg", "Lastschrift"),
                                        "ORD-" + customer,
                                        Money.of(4_200, "EUR"),
                                        PaymentMethod.DIRECT_DEBIT,
                                        new com.kontor.debtor.BankAccountData("Jörg Lastschrift", iban, null),
                                        null,
                                        null),
                                Actor.system("mandate browser test")))
                .txid();
        long debtorNumber = jdbc.queryForObject(
                "select d.debtor_number from debtor d join payment_process p on p.debtor_id = d.id where p.txid = ?",
                Long.class,
                txid);
        String reference = jdbc.queryForObject(
                "select m.mandate_reference from sepa_mandate m join payment_process p on p.debtor_id = m.debtor_id"
                        + " where p.txid = ?",
                String.class,
                txid);
        String masked = iban.substring(0, 4) + "…" + iban.substring(iban.length() - 4);

        Dimension before = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(1280, 900));
        try {
            AppPage support = LoginPage.open(browser, url("")).loginAs("support@mueller.example", DemoLogins.PASSWORD);
            support.go("/test/debtors/" + debtorNumber);
            WebElement mandate = waitFor(By.id("mandate-0"));
            assertThat(mandate.getText()).contains(reference).contains(masked).doesNotContain(iban.substring(4, 12));
            screenshot("debtor-mandates-1280");
            Map<String, Long> page = js("return {scroll: document.documentElement.scrollWidth,"
                    + " client: document.documentElement.clientWidth};");
            assertThat(page.get("scroll")).as("the page scrolls sideways").isLessThanOrEqualTo(page.get("client"));
        } finally {
            browser.manage().window().setSize(before);
        }
        String href = browser.findElement(By.id("mandate-pdf-0")).getAttribute("href");
        HttpResponse<byte[]> pdf = download(href, true);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Disposition").orElse("")).contains(reference + ".pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("SEPA-Lastschriftmandat")
                    .contains(reference)
                    .contains(masked)
                    .contains("Jörg Lastschrift")
                    .doesNotContain(iban.substring(4, 18));
        }
        assertThat(new String(download(href, false).body(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .as("without the session the link gives no PDF")
                .doesNotStartWith("%PDF");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Long> js(String script) {
        return (Map<String, Long>) browser.executeScript(script);
    }

    private void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "widths");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
