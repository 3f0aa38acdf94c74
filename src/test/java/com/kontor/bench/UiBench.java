package com.kontor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.demo.DemoLogins;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.Partition;
import com.kontor.testsupport.ApiClient;
import com.kontor.testsupport.Browser;
import com.kontor.testsupport.IntegrationTest;
import com.kontor.ui.pages.AppPage;
import com.kontor.ui.pages.LoginPage;
import com.kontor.ui.pages.SearchPage;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 6, items 3 and 10, measured in the running application with real browsers (not part of the suite: surefire
 * runs *Test classes only). Run: {@code ./mvnw test -Dtest=UiBench -Dsurefire.failIfNoSpecifiedTests=false}.
 *
 * <ul>
 *   <li>Detail view (TX-6): a debtor with 200 processes and 2,000 bookings; the browser switches between its
 *   newest processes in the list (one server round trip each) and the server's share of each navigation is read from the browser's
 *   Resource Timing (request sent to first response byte). Prints p50/p95 over 100 navigations after 50 warm-ups.</li>
 *   <li>Memory per UI session: 50 headless browsers one after another, each logs in, searches, opens the detail
 *   view, and is closed without logging out; heap after GC with and without them, divided by 50.</li>
 * </ul>
 */
@IntegrationTest
@Import(UiBench.ServerTime.class)
class UiBench {

    /** Times Vaadin's round trips (UIDL requests) inside the server: from the request's arrival to its last byte. */
    @TestConfiguration
    static class ServerTime {

        static final List<Double> UIDL = java.util.Collections.synchronizedList(new ArrayList<>());

        @Bean
        FilterRegistrationBean<jakarta.servlet.Filter> uidlTimer() {
            FilterRegistrationBean<jakarta.servlet.Filter> registration =
                    new FilterRegistrationBean<>((request, response, chain) -> {
                        long started = System.nanoTime();
                        try {
                            chain.doFilter(request, response);
                        } finally {
                            String query = ((jakarta.servlet.http.HttpServletRequest) request).getQueryString();
                            if (query != null && query.contains("v-r=uidl")) {
                                UIDL.add((System.nanoTime() - started) / 1e6);
                            }
                        }
                    });
            registration.setOrder(Integer.MIN_VALUE); // outermost: Spring Security and Vaadin inside
            return registration;
        }
    }

    static final String TEST_KEY = "kontor_test_demo_mueller_webshop";
    static final int PROCESSES = 200;
    static final int REFUNDS_PER_PROCESS = 8;
    static final int SESSIONS = 50;
    /** Navigations before measuring: the server's JIT compiles the hot paths first, as on a running server. */
    static final int WARM_UP = 50;

    static final int MEASURED = 100;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void detailViewOfADebtorWith200ProcessesAnd2000Bookings() throws InterruptedException {
        ApiClient api = new ApiClient(port);
        String customer = "BENCH-" + UUID.randomUUID().toString().substring(0, 8);
        List<Long> txids = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            ApiClient.Answer paid = api.post(TEST_KEY, "/api/v1/payments", """
                    {"type": "authorization", "customerId": "%s", "reference": "B-%d", "paymentMethod": "CARD",
                     "amount": {"value": 10000, "currency": "EUR"},
                     "card": {"token": "tok_%s", "brand": "VISA", "last4": "1881", "expiryMonth": 4, "expiryYear": 2030},
                     "debtor": {"firstName": "Berta", "lastName": "Bench", "city": "Bremen", "country": "DE"}}""".formatted(customer, i, customer));
            assertThat(paid.status()).as(paid.body()).isEqualTo(201);
            long txid = paid.number("txid");
            txids.add(txid);
            for (int r = 0; r < REFUNDS_PER_PROCESS; r++) {
                assertThat(api.post(
                                        TEST_KEY,
                                        "/api/v1/payments/" + txid + "/refunds",
                                        "{\"amount\": {\"value\": 100, \"currency\": \"EUR\"}}")
                                .status())
                        .isEqualTo(201);
            }
        }
        String debtorNumber =
                jdbc.queryForObject("select debtor_number from debtor where customer_id = ?", String.class, customer);
        long bookings = jdbc.queryForObject(
                "select count(*) from booking b join payment_process p on p.txid = b.txid"
                        + " join debtor d on d.id = p.debtor_id where d.customer_id = ?",
                Long.class,
                customer);
        System.out.printf(
                Locale.ROOT,
                "%nDetail view bench: debtor %s with %d processes and %d bookings%n",
                debtorNumber,
                txids.size(),
                bookings);

        ChromeDriver browser = Browser.startNew();
        try {
            AppPage app = LoginPage.open(browser, url("")).loginAs("support@mueller.example", DemoLogins.PASSWORD);
            app.go("/test/debtors/" + debtorNumber + "/" + txids.getFirst()); // the oldest: not among the six
            List<Double> server = new ArrayList<>();
            List<Double> inside = new ArrayList<>();
            List<Double> total = new ArrayList<>();
            for (int i = 0; i < WARM_UP + MEASURED; i++) {
                long txid = txids.get(txids.size() - 1 - i % 6); // among the newest, which the list shows first
                // the browser shares the two cores: let it finish rendering the last page before the next click
                Thread.sleep(400);
                ((JavascriptExecutor) browser).executeScript("performance.clearResourceTimings();");
                ServerTime.UIDL.clear();
                browser.findElement(By.id("process-" + txid)).click();
                new WebDriverWait(browser, Duration.ofSeconds(20))
                        .until(ExpectedConditions.textToBe(By.id("process-txid"), "TXID " + txid));
                app.settle();
                @SuppressWarnings("unchecked")
                List<List<Number>> timings = (List<List<Number>>)
                        ((JavascriptExecutor) browser)
                                .executeScript(
                                        "return performance.getEntriesByType('resource').filter(e => e.name.includes('v-r=uidl'))"
                                                + ".map(e => [e.responseStart - e.requestStart, e.responseEnd - e.startTime]);");
                if (i >= WARM_UP && !timings.isEmpty()) {
                    server.add(timings.stream()
                            .mapToDouble(t -> t.get(0).doubleValue())
                            .sum());
                    total.add(timings.stream()
                            .mapToDouble(t -> t.get(1).doubleValue())
                            .sum());
                    synchronized (ServerTime.UIDL) {
                        inside.add(ServerTime.UIDL.stream()
                                .mapToDouble(Double::doubleValue)
                                .sum());
                    }
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "Detail view, switching process, measured in the server (request in to"
                            + " response out): p50 %.1f ms, p95 %.1f ms (n=%d)%n",
                    percentile(inside, 50),
                    percentile(inside, 95),
                    inside.size());
            System.out.printf(
                    Locale.ROOT,
                    "Detail view, switching process (browser: request sent to first byte): p50 %.1f ms,"
                            + " p95 %.1f ms; whole round trip incl. transfer: p50 %.1f ms, p95 %.1f ms (n=%d)%n",
                    percentile(server, 50),
                    percentile(server, 95),
                    percentile(total, 50),
                    percentile(total, 95),
                    server.size());
            List<Double> fresh = new ArrayList<>();
            for (int i = 0; i < 25; i++) { // a fresh page load of the detail URL (a shared link): the whole page
                long started = System.nanoTime();
                app.go("/test/debtors/" + debtorNumber + "/" + txids.get(i));
                browser.findElement(By.id("process-txid"));
                if (i >= 5) {
                    fresh.add((System.nanoTime() - started) / 1e6);
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "Detail view, opening its URL in the browser (load to rendered): p50 %.1f ms,"
                            + " p95 %.1f ms (n=%d)%n%n",
                    percentile(fresh, 50),
                    percentile(fresh, 95),
                    fresh.size());
        } finally {
            browser.quit();
        }
    }

    @Test
    void memoryPerUiSession() throws Exception {
        long merchant =
                jdbc.queryForObject("select id from merchant where name = ?", Long.class, DemoLogins.MERCHANT_A);
        String debtorNumber = jdbc.queryForObject(
                "select max(d.debtor_number) from debtor d join payment_process p"
                        + " on p.debtor_id = d.id where d.partition_key = ?",
                String.class,
                new Partition(merchant, Mode.TEST).key());
        // one session first, so that class loading and caches are not counted as per-session memory
        session(debtorNumber);
        long before = heapAfterGc();
        for (int i = 0; i < SESSIONS; i++) {
            session(debtorNumber);
        }
        long after = heapAfterGc();
        System.out.printf(
                Locale.ROOT,
                "%nMemory per UI session: heap after GC %.1f MiB without, %.1f MiB with %d"
                        + " open sessions: %.0f KiB per session%n%n",
                before / 1048576.0,
                after / 1048576.0,
                SESSIONS,
                (after - before) / 1024.0 / SESSIONS);
    }

    /** A browser logs in, searches, opens a debtor, and is closed without logging out: its session stays. */
    private void session(String debtorNumber) {
        ChromeDriver browser = Browser.startNew();
        try {
            AppPage app = LoginPage.open(browser, url("")).loginAs("support@mueller.example", DemoLogins.PASSWORD);
            app.go("/test/debtors");
            SearchPage search = new SearchPage(browser, url(""));
            search.criterion(1, "Last name", "Sch").search();
            app.go("/test/debtors/" + debtorNumber);
            browser.findElement(By.id("debtor-name"));
        } finally {
            browser.quit();
        }
    }

    private static long heapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(300);
            used = Math.min(
                    used,
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }
}
