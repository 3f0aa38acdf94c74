package com.kontor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.accounting.PaymentsFixtures;
import com.kontor.debtor.DebtorService;
import com.kontor.demo.DemoLogins;
import com.kontor.ledger.Ledger;
import com.kontor.ledger.Opening;
import com.kontor.ledger.PaymentMethod;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.Partition;
import com.kontor.testsupport.BrowserTest;
import com.kontor.ui.pages.AppPage;
import com.kontor.ui.pages.LoginPage;
import com.kontor.ui.pages.PaymentsPage;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * TX-7 in the browser, as finance in Müller's test mode: a wrong amount range is refused next to the field; the
 * filter by booking type and amount range shows exactly the matching bookings of the current month, newest first,
 * with their sums; the CSV download holds exactly the rows shown; at 1,280 and 1,440 px nothing scrolls sideways.
 */
class PaymentsBrowserTest extends BrowserTest {

    @Autowired
    Ledger ledger;

    @Autowired
    DebtorService debtors;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void financeFiltersByTypeAndAmountSeesTheSumsAndDownloadsExactlyTheRowsShown() throws Exception {
        long mueller = jdbc.queryForObject("select id from merchant where name = ?", Long.class, DemoLogins.MERCHANT_A);
        PaymentsFixtures f =
                new PaymentsFixtures(new Partition(mueller, Mode.TEST), ledger, debtors, jdbc, transactions);
        long debtor = f.debtor("Browser");
        long first = f.process(debtor, PaymentMethod.CARD, 987_651, new Opening.Authorised("psp-first"));
        long refunded = f.process(debtor, PaymentMethod.CARD, 1_000_000, new Opening.Authorised("psp-big"));
        f.then(refunded, p -> p.refunded(987_649, "psp-refund"));
        long chargedBack = f.process(debtor, PaymentMethod.CARD, 987_650, new Opening.Authorised("psp-third"));
        f.then(chargedBack, p -> p.chargeback(987_650, 0, "psp-chargeback"));

        AppPage app = LoginPage.open(browser, url("")).loginAs("finance@mueller.example", DemoLogins.PASSWORD);
        PaymentsPage payments = PaymentsPage.open(app, "test");

        payments.amounts("9876.51", "9876.49").apply();
        assertThat(payments.error("payments-max")).isEqualTo("The upper amount is below the lower one.");

        payments.kinds("Payment", "Refund").amounts("9876.49", "9876.51").apply();
        assertThat(payments.error("payments-max")).isEmpty();
        List<WebElement> links = payments.txidLinks();
        // newest first; the chargeback of the same amount is not of a chosen type, the refunded sale's 10,000.00 is
        // outside the range
        assertThat(links)
                .extracting(WebElement::getText)
                .containsExactly(Long.toString(chargedBack), Long.toString(refunded), Long.toString(first));
        long debtorNumber = f.debtorNumber(debtor);
        assertThat(links.getFirst().getDomProperty("href"))
                .endsWith("/test/debtors/" + debtorNumber + "/" + chargedBack);
        assertThat(payments.sums())
                .contains("EUR: 3 bookings")
                .contains("19,753.01")
                .contains("9,876.49")
                .contains("9,876.52");

        HttpResponse<byte[]> response = download(payments.csvUrl(), true);
        assertThat(response.statusCode()).isEqualTo(200);
        String csv = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF");
        List<CSVRecord> records = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv.substring(1)))
                .getRecords();
        assertThat(records)
                .extracting(r -> r.get("TXID"))
                .containsExactlyElementsOf(
                        links.stream().map(WebElement::getText).toList());
        assertThat(records)
                .extracting(r -> r.get("Type") + " " + r.get("Amount (+ in / - out)") + " " + r.get("Currency"))
                .containsExactly("PAYMENT 9876.50 EUR", "REFUND -9876.49 EUR", "PAYMENT 9876.51 EUR");
        assertThat(records).extracting(r -> r.get("Debtor")).containsOnly("Paula Browser");
        assertThat(records)
                .extracting(r -> r.get("Provider transaction"))
                .containsExactly("psp-third", "psp-refund", "psp-first");

        // without the session the export gives nothing away
        assertThat(new String(download(payments.csvUrl(), false).body(), StandardCharsets.UTF_8))
                .doesNotContain(Long.toString(first));

        // at the two window widths finance works at, nothing scrolls sideways (screenshots in target/widths/)
        Dimension before = browser.manage().window().getSize();
        try {
            for (int width : new int[] {1280, 1440}) {
                browser.manage().window().setSize(new Dimension(width, 900));
                payments.settle();
                Thread.sleep(300); // the grid lays its columns out after the resize
                Path dir = Path.of("target", "widths");
                Files.createDirectories(dir);
                Files.write(dir.resolve("payments-" + width + ".png"), browser.getScreenshotAs(OutputType.BYTES));
                @SuppressWarnings("unchecked")
                Map<String, Long> sizes = (Map<String, Long>) browser.executeScript(
                        "const t = document.getElementById('payments-grid').shadowRoot.querySelector('#table');"
                                + "return {page: document.documentElement.scrollWidth,"
                                + " window: document.documentElement.clientWidth,"
                                + " grid: t.scrollWidth, gridClient: t.clientWidth};");
                assertThat(sizes.get("page")).as("page at %d px", width).isLessThanOrEqualTo(sizes.get("window"));
                assertThat(sizes.get("grid")).as("grid at %d px", width).isLessThanOrEqualTo(sizes.get("gridClient"));
            }
        } finally {
            browser.manage().window().setSize(before);
        }
    }
}
