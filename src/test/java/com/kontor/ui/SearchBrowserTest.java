package com.kontor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.demo.DemoLogins;
import com.kontor.demo.LedgerDataGenerator;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.Partition;
import com.kontor.testsupport.ApiClient;
import com.kontor.testsupport.BrowserTest;
import com.kontor.ui.pages.AppPage;
import com.kontor.ui.pages.AuditPage;
import com.kontor.ui.pages.DebtorDetailPage;
import com.kontor.ui.pages.LoginPage;
import com.kontor.ui.pages.SearchPage;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SRCH-1..4 and TX-6 in the browser, on data a shop sent through the API: one, two and three criteria with a date
 * range, accents and case ignored, sorting both ways, the over-1,000 message, opening a debtor with its process,
 * and "not found" for another merchant's or the other mode's debtor.
 */
class SearchBrowserTest extends BrowserTest {

    static final String TEST_KEY = "kontor_test_demo_mueller_webshop";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LedgerDataGenerator generator;

    private String firstName;
    private final List<Long> txids = new ArrayList<>();

    /** Three processes of a "Müller-Lüdenscheid" in Köln with a first name no other test uses. */
    @BeforeEach
    void shopSendsPayments() {
        ApiClient api = new ApiClient(port);
        firstName = "Qz" + UUID.randomUUID().toString().replaceAll("[^a-z]", "").substring(0, 5);
        String customer = "S-" + firstName;
        for (long amount : new long[] {1200, 3400, 2300}) {
            ApiClient.Answer created =
                    api.post(TEST_KEY, "/api/v1/payments", """
                    {"type": "authorization", "customerId": "%s", "reference": "ORD-%d", "paymentMethod": "INVOICE",
                     "amount": {"value": %d, "currency": "EUR"},
                     "debtor": {"firstName": "%s", "lastName": "Müller-Lüdenscheid", "city": "Köln", "country": "DE"}}""".formatted(customer, amount, amount, firstName));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            txids.add(created.number("txid"));
        }
    }

    /** The debtor number the shop got back for its customer (the API's userId). */
    private String debtorNumber() {
        return Long.toString(new ApiClient(port)
                .get(TEST_KEY, "/api/v1/debtors/S-" + firstName)
                .number("userId"));
    }

    private SearchPage searchAs(String email, String mode) {
        AppPage app = LoginPage.open(browser, url("")).loginAs(email, DemoLogins.PASSWORD);
        app.go("/" + mode + "/debtors");
        return new SearchPage(browser, url(""));
    }

    @Test
    void oneTwoAndThreeCriteriaWithADateRangeFindTheProcessesIgnoringAccentsAndCase() {
        SearchPage search = searchAs("support@mueller.example", "test");
        search.criterion(1, "First name", firstName.toUpperCase()).searchWithEnter(1);
        assertThat(search.txids())
                .containsExactlyInAnyOrderElementsOf(
                        txids.stream().map(String::valueOf).toList());

        search.addCriterion().criterion(2, "Last name", "lud").search(); // "Lüdenscheid", accent and case ignored
        assertThat(search.txids()).hasSize(3);
        assertThat(search.names()).allMatch(name -> name.equals("Müller-Lüdenscheid, " + firstName));

        String today = LocalDate.now(ZoneId.of("Europe/Berlin")).format(DateTimeFormatter.ofPattern("M/d/yyyy"));
        search.addCriterion().criterion(3, "City", "KÖL").range(today, today).search();
        assertThat(search.txids()).hasSize(3);

        String yesterday =
                LocalDate.now(ZoneId.of("Europe/Berlin")).minusDays(1).format(DateTimeFormatter.ofPattern("M/d/yyyy"));
        search.range(yesterday, yesterday).search();
        assertThat(search.txids()).isEmpty();
        assertThat(search.message()).contains("Nothing matches");
    }

    @Test
    void everyColumnSortsBothWaysAndANameOpensTheDebtorWithThatProcess() {
        SearchPage search = searchAs("support@mueller.example", "test");
        search.criterion(1, "First name", firstName).search();
        List<String> ascending = txids.stream().sorted().map(String::valueOf).toList();
        search.sortBy("TXID");
        assertThat(search.txids()).containsExactlyElementsOf(ascending);
        search.sortBy("TXID");
        assertThat(search.txids()).containsExactlyElementsOf(ascending.reversed());
        search.sortBy("Balance"); // 12.00, 23.00, 34.00 open
        assertThat(search.txids())
                .containsExactly(
                        String.valueOf(txids.get(0)), String.valueOf(txids.get(2)), String.valueOf(txids.get(1)));

        String middle = String.valueOf(txids.get(1));
        search.openTxid(middle);
        DebtorDetailPage debtor = new DebtorDetailPage(browser, url(""));
        String debtorNumber = debtorNumber();
        debtor.waitForPath("/test/debtors/" + debtorNumber + "/" + middle);
        assertThat(debtor.name()).contains(firstName, "Müller-Lüdenscheid");
        assertThat(debtor.processHeading()).isEqualTo("TXID " + middle);
        assertThat(debtor.balance()).isEqualTo("€34.00");
        assertThat(debtor.account()).contains("Receivable", "€34.00");
        // TX-5: all three processes' bookings
        assertThat(debtor.openCustomerAccount()).contains("€12.00", "€34.00", "€23.00");
        assertThat(debtor.customerAccountTotals()).isEqualTo("Debit €69.00, credit €0.00, balance €69.00");

        debtor.go("/live/debtors/" + debtorNumber + "/" + middle); // the same debtor does not exist in live mode
        assertThat(DebtorDetailPage.notFound(debtor)).isTrue();
        debtor.go("/test/debtors/abc"); // a mistyped URL, loaded as a new page: Kontor's answer, not a bare error
        assertThat(DebtorDetailPage.notFound(debtor)).isTrue();
    }

    @Test
    void aCommentOnAProcessShowsInTheAuditLog() {
        AppPage app = LoginPage.open(browser, url("")).loginAs("support@mueller.example", DemoLogins.PASSWORD);
        String debtorNumber = debtorNumber();
        long txid = txids.get(0);
        DebtorDetailPage debtor = DebtorDetailPage.open(app, "test", Long.parseLong(debtorNumber), txid);
        DebtorDetailPage.CommentDialog comment = debtor.commentOnProcess().save(); // empty: refused next to the field
        assertThat(comment.refused()).isTrue();
        String text = "Called the customer " + firstName + ": pays next week";
        comment.write(text).save();
        AuditPage audit = debtor.openAuditLog(); // the log, pre-filtered to this debtor
        audit.waitForPath("/test/audit?debtor=" + debtorNumber);
        assertThat(audit.scope()).contains(debtorNumber);
        List<String> cells = audit.gridCells("audit-grid");
        assertThat(cells).contains(text, debtorNumber, String.valueOf(txid), "Payment created");
        assertThat(cells)
                .doesNotContain("Login", "PAYMENT_CREATED"); // records about others are not in the debtor's log
    }

    @Test
    void moreThanAThousandMatchesShowNoRowsButAskToNarrowTheSearch() {
        long baker = jdbc.queryForObject("select id from merchant where name = ?", Long.class, DemoLogins.MERCHANT_B);
        List<Long> portals = jdbc.queryForList("select id from portal where merchant_id = ?", Long.class, baker);
        Partition bakerTest = new Partition(baker, Mode.TEST);
        if (jdbc.queryForObject(
                        "select count(*) from payment_process where partition_key = ?", Long.class, bakerTest.key())
                <= 1000) {
            generator.generate(
                    bakerTest,
                    portals,
                    LedgerDataGenerator.BRITAIN,
                    "GBP",
                    ZoneId.of("Europe/London"),
                    14,
                    "OV-",
                    420,
                    1300,
                    500,
                    new Random().nextLong(),
                    written -> {});
        }
        SearchPage search = searchAs("support@baker.example", "test");
        search.range("1/1/2000", "12/31/2099").search();
        assertThat(search.message()).contains("More than 1,000 processes match").contains("Narrow the search");
        assertThat(search.txids()).isEmpty();

        search.choiceCriterion(1, "Payment method", "Invoice").search(); // a few hundred: the list is back
        assertThat(search.message()).isEmpty();
        assertThat(search.txids()).isNotEmpty();

        // a debtor of merchant B, created by its shop; a user of merchant A types its URL
        long bakerDebtor = new ApiClient(port)
                .put(
                        "kontor_live_demo_baker_shop_uk",
                        "/api/v1/debtors/B-" + firstName,
                        "{\"lastName\": \"Baker\", \"country\": \"GB\"}")
                .number("userId");
        search.logout();
        AppPage mueller = LoginPage.open(browser, url("")).loginAs("support@mueller.example", DemoLogins.PASSWORD);
        mueller.go("/live/debtors/" + bakerDebtor);
        assertThat(DebtorDetailPage.notFound(mueller)).isTrue();
    }
}
