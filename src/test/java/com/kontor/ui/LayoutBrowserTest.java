package com.kontor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.demo.DemoLogins;
import com.kontor.testsupport.ApiClient;
import com.kontor.testsupport.BrowserTest;
import com.kontor.ui.pages.AppPage;
import com.kontor.ui.pages.DebtorDetailPage;
import com.kontor.ui.pages.LoginPage;
import com.kontor.ui.pages.SearchPage;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.iban4j.CountryCode;
import org.iban4j.Iban;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;

/**
 * On the laptop widths people use (1280 and 1440 pixels): no page scrolls sideways, the search grid shows balance,
 * dunning level and the Details link without scrolling, and on a debtor's page nothing overlaps and the process
 * list uses the height it has. Screenshots of both pages land in /tmp for a look.
 */
class LayoutBrowserTest extends BrowserTest {

    @AfterEach
    void defaultSize() {
        browser.manage().window().setSize(new Dimension(1400, 900));
    }

    @ParameterizedTest
    @ValueSource(ints = {1280, 1440})
    void searchAndDebtorPagesFitTheWidth(int width) throws Exception {
        String firstName = aDebtorWithEverything();
        browser.manage().window().setSize(new Dimension(width, 900));
        AppPage app = LoginPage.open(browser, url("")).loginAs("support@mueller.example", DemoLogins.PASSWORD);
        app.go("/test/debtors");
        SearchPage search = new SearchPage(browser, url(""));
        search.criterion(1, "First name", firstName).search();
        assertThat(search.txids()).isNotEmpty();
        screenshot("search-" + width);
        assertNoSidewaysScroll("search " + width);
        Rectangle grid = browser.findElement(By.id("search-grid")).getRect();
        int viewport = viewportWidth();
        for (String header : new String[] {"Balance", "Dunning"}) {
            Rectangle cell = headerCell(header).getRect();
            assertThat(cell.getX() + cell.getWidth())
                    .as(header + " at " + width)
                    .isLessThanOrEqualTo(Math.min(grid.getX() + grid.getWidth(), viewport));
        }
        WebElement details = browser.findElements(By.cssSelector("#search-grid a[id^='details-']")).stream()
                .filter(WebElement::isDisplayed)
                .findFirst()
                .orElseThrow();
        Rectangle link = details.getRect();
        Rectangle balance = headerCell("Balance").getRect();
        assertThat(balance.getX() + balance.getWidth())
                .as("Balance beside Details, not under it, at " + width)
                .isLessThanOrEqualTo(link.getX());
        assertThat(link.getX() + link.getWidth())
                .as("Details at " + width)
                .isLessThanOrEqualTo(Math.min(grid.getX() + grid.getWidth(), viewport));
        assertThat(scrollLeftOf("#search-grid")).as("the grid is not scrolled").isZero();

        search.openTxid(search.txids().getFirst());
        DebtorDetailPage debtor = new DebtorDetailPage(browser, url(""));
        debtor.settle();
        screenshot("detail-" + width);
        assertNoSidewaysScroll("detail " + width);
        Rectangle blacklistButton = browser.findElement(By.id("bl-add-email-0")).getRect();
        Rectangle processPanel = browser.findElement(By.id("process-panel")).getRect();
        assertThat(overlap(blacklistButton, processPanel))
                .as("blacklist button " + blacklistButton + " vs process panel " + processPanel)
                .isFalse();
        for (String value : new String[] {"iban-0", "card-0"}) {
            for (WebElement line : browser.findElements(By.id("pd-" + value))) {
                assertThat(lines(line)).as(value + " at " + width).isLessThanOrEqualTo(2);
            }
        }
        // twelve processes: the list shows at least six rows at once, not two
        Rectangle list = browser.findElement(By.id("process-grid")).getRect();
        Rectangle row = browser.findElement(By.cssSelector("#process-grid a[id^='process-']"))
                .getRect();
        assertThat(list.getHeight() / (row.getHeight() + 16))
                .as("rows the process list shows at " + width)
                .isGreaterThanOrEqualTo(6);
        assertThat(list.getY() + list.getHeight())
                .as("the process list in view without scrolling at " + width)
                .isLessThanOrEqualTo(((Number) js("return window.innerHeight;")).intValue());
    }

    /** A debtor with an email, a bank account, a card and a dozen processes, as a busy shop's customer has. */
    private String aDebtorWithEverything() {
        ApiClient api = new ApiClient(port);
        String firstName =
                "Lz" + UUID.randomUUID().toString().replaceAll("[^a-z]", "").substring(0, 5);
        String customer = "L-" + firstName;
        String debtor = """
                "debtor": {"firstName": "%s", "lastName": "Müller-Lüdenscheid", "city": "Frankfurt am Main",
                 "country": "DE", "email": "%s.mueller-luedenscheid@example.org"}""".formatted(firstName, firstName.toLowerCase());
        String iban = new Iban.Builder()
                .countryCode(CountryCode.DE)
                .bankCode("37040044")
                .accountNumber(String.format("%010d", new Random().nextLong(10_000_000_000L)))
                .build()
                .toString();
        List<String> payments = new ArrayList<>();
        payments.add("""
                "paymentMethod": "DIRECT_DEBIT", "bankAccount": {"holder": "%s Müller-Lüdenscheid", "iban": "%s"}""".formatted(firstName, iban));
        payments.add("""
                "paymentMethod": "CARD", "card": {"token": "tok_%s", "brand": "MASTERCARD", "last4": "4444",
                 "expiryMonth": 4, "expiryYear": 2029}""".formatted(customer));
        for (int i = 0; i < 10; i++) {
            payments.add("\"paymentMethod\": \"INVOICE\"");
        }
        int n = 0;
        for (String payment : payments) {
            ApiClient.Answer created = api.post("kontor_test_demo_mueller_webshop", "/api/v1/payments", """
                    {"type": "authorization", "customerId": "%s", "reference": "LAY-%d", %s,
                     "amount": {"value": %d, "currency": "EUR"}, %s}""".formatted(
                            customer, n, payment, 1000 + n, debtor));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            n++;
        }
        return firstName;
    }

    private void assertNoSidewaysScroll(String where) {
        Map<?, ?> sizes = (Map<?, ?>) js("const d = document.documentElement;"
                + " const c = document.querySelector('.kontor-content');"
                + " return {doc: d.scrollWidth - d.clientWidth, content: c.scrollWidth - c.clientWidth};");
        assertThat(((Number) sizes.get("doc")).intValue()).as(where + ": page").isLessThanOrEqualTo(0);
        assertThat(((Number) sizes.get("content")).intValue())
                .as(where + ": content")
                .isLessThanOrEqualTo(0);
    }

    private WebElement headerCell(String text) {
        return browser.findElements(By.cssSelector("#search-grid vaadin-grid-sorter")).stream()
                .filter(s -> s.getText().strip().equals(text))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No column " + text));
    }

    private long scrollLeftOf(String selector) {
        return ((Number) js("const g = document.querySelector('" + selector + "');"
                        + " return g.$ && g.$.table ? g.$.table.scrollLeft : 0;"))
                .longValue();
    }

    /** How many text lines an element takes. */
    private long lines(WebElement element) {
        return ((Number) js(
                        "const e = arguments[0]; const lh = parseFloat(getComputedStyle(e).lineHeight) || 20;"
                                + " return Math.round(e.getBoundingClientRect().height / lh);",
                        element))
                .longValue();
    }

    private int viewportWidth() {
        return ((Number) js("return document.documentElement.clientWidth;")).intValue();
    }

    private static boolean overlap(Rectangle a, Rectangle b) {
        return a.getX() < b.getX() + b.getWidth()
                && b.getX() < a.getX() + a.getWidth()
                && a.getY() < b.getY() + b.getHeight()
                && b.getY() < a.getY() + a.getHeight();
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private void screenshot(String name) throws Exception {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        java.nio.file.Files.copy(
                shot.toPath(),
                new File("/tmp/kontor-" + name + ".png").toPath(),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
