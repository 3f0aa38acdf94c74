package com.kontor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.demo.DemoLogins;
import com.kontor.testsupport.ApiClient;
import com.kontor.testsupport.BrowserTest;
import com.kontor.ui.pages.AppPage;
import com.kontor.ui.pages.DebtorDetailPage;
import com.kontor.ui.pages.LoginPage;
import com.kontor.ui.pages.SearchPage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The two window widths merchants' staff work at, 1,280 and 1,440 px: no page scrolls sideways, the search grid shows
 * every column up to "Details", and a debtor with an email, an IBAN, a card and many processes reads calmly: the
 * processes under the buttons with several rows in view, each payment data value on one line, the blacklist buttons
 * inside their column. Screenshots go to target/widths/ for a person to look at.
 */
class WindowWidthsBrowserTest extends BrowserTest {

    private static final String KEY = "kontor_test_demo_mueller_webshop";

    @ParameterizedTest
    @ValueSource(ints = {1280, 1440})
    void searchAndDebtorFitTheWindow(int width) throws Exception {
        String firstName =
                "Wd" + UUID.randomUUID().toString().replaceAll("[^a-z]", "").substring(0, 5);
        long debtorNumber = debtorWithEverything(firstName);
        Dimension before = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(width, 900));
        try {
            AppPage app = LoginPage.open(browser, url("")).loginAs("support@mueller.example", DemoLogins.PASSWORD);
            app.go("/test/debtors");
            SearchPage search = new SearchPage(browser, url(""));
            search.criterion(1, "First name", firstName).search();
            assertThat(search.txids()).hasSize(12);
            screenshot("search-" + width);
            assertThat(pageScrollsSideways())
                    .as("the search page scrolls sideways")
                    .isFalse();
            Map<String, Long> grid =
                    js("const t = document.getElementById('search-grid').shadowRoot.querySelector('#table');"
                            + "return {scroll: t.scrollWidth, client: t.clientWidth};");
            assertThat(grid.get("scroll")).as("the grid scrolls sideways").isLessThanOrEqualTo(grid.get("client"));
            WebElement gridElement = browser.findElement(By.id("search-grid"));
            int gridRight = gridElement.getRect().getX() + gridElement.getRect().getWidth();
            for (WebElement details : browser.findElements(By.cssSelector("#search-grid a[id^='details-']"))) {
                assertThat(details.getRect().getX() + details.getRect().getWidth())
                        .as("Details inside the grid")
                        .isLessThanOrEqualTo(gridRight);
            }
            for (String header : List.of("Dunning", "Balance")) {
                WebElement cell = browser.findElement(By.xpath(
                        "//vaadin-grid[@id='search-grid']//vaadin-grid-sorter[normalize-space()='" + header + "']"));
                assertThat(cell.getRect().getX() + cell.getRect().getWidth())
                        .as(header + " inside the grid")
                        .isLessThanOrEqualTo(gridRight);
            }

            DebtorDetailPage debtor = DebtorDetailPage.open(app, "test", debtorNumber, null);
            new WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("process-grid")));
            Thread.sleep(300); // the grid's rows are laid out after it is attached
            screenshot("debtor-" + width);
            assertThat(pageScrollsSideways())
                    .as("the debtor page scrolls sideways")
                    .isFalse();
            Map<String, Long> list = js("const t = document.getElementById('process-grid').shadowRoot"
                    + ".querySelector('#table'); return {scroll: t.scrollWidth, client: t.clientWidth};");
            assertThat(list.get("scroll"))
                    .as("the process list scrolls sideways")
                    .isLessThanOrEqualTo(list.get("client"));
            Map<String, Long> content = js("const c = document.querySelector('.kontor-content');"
                    + "return {scroll: c.scrollWidth, client: c.clientWidth};");
            assertThat(content.get("scroll")).isLessThanOrEqualTo(content.get("client"));

            int panelLeft =
                    browser.findElement(By.id("process-panel")).getRect().getX();
            List<WebElement> buttons = browser.findElements(By.cssSelector("[id^='bl-add-']"));
            assertThat(buttons).hasSize(3); // email, IBAN, card
            for (WebElement button : buttons) {
                assertThat(button.getRect().getX() + button.getRect().getWidth())
                        .as("blacklist button %s stays left of the process panel", button.getAttribute("id"))
                        .isLessThanOrEqualTo(panelLeft);
            }
            Map<String, Long> lines = js("const lines = {};"
                    + "for (const id of ['email-0', 'iban-0', 'card-0']) {"
                    + "  const value = document.getElementById('bl-state-' + id).parentElement.firstElementChild;"
                    + "  lines[id] = Math.round(value.getBoundingClientRect().height"
                    + "      / parseFloat(getComputedStyle(value).lineHeight));"
                    + "}"
                    + "return lines;");
            assertThat(lines.values())
                    .as("each payment data value on one line: %s", lines)
                    .allMatch(n -> n == 1L);
            Map<String, Long> rows = js("const g = document.getElementById('process-grid');"
                    + "const box = g.getBoundingClientRect();"
                    + "const visible = [...g.shadowRoot.querySelectorAll('#items tr')].filter(tr => {"
                    + "  const r = tr.getBoundingClientRect();"
                    + "  return r.height > 0 && r.top >= box.top && r.bottom <= Math.min(box.bottom, innerHeight);"
                    + "});"
                    + "return {rows: visible.length};");
            assertThat(rows.get("rows"))
                    .as("processes in view without scrolling")
                    .isGreaterThanOrEqualTo(5);
            assertThat(debtor.name()).contains(firstName);
        } finally {
            browser.manage().window().setSize(before);
        }
    }

    /** A debtor with a long email, an IBAN, a card, and twelve processes of several methods. */
    private long debtorWithEverything(String firstName) {
        ApiClient api = new ApiClient(port);
        String customer = "W-" + firstName;
        String debtor = """
                {"firstName": "%s", "lastName": "Hoffmann-Schwarzenberger", "street": "Hauptstraße 150",
                 "postcode": "78948", "city": "Leipzig", "country": "DE",
                 "email": "%s.hoffmann-schwarzenberger@example-versand.de"}""".formatted(firstName, firstName.toLowerCase());
        post(api, """
                {"type": "authorization", "customerId": "%s", "reference": "W-DD", "paymentMethod": "DIRECT_DEBIT",
                 "amount": {"value": 2599, "currency": "EUR"},
                 "bankAccount": {"holder": "%s Hoffmann-Schwarzenberger", "iban": "DE89370400440532013000"},
                 "debtor": %s}""".formatted(customer, firstName, debtor));
        post(api, """
                {"type": "preauthorization", "customerId": "%s", "reference": "W-CARD", "paymentMethod": "CARD",
                 "amount": {"value": 11351, "currency": "EUR"},
                 "card": {"token": "tok_%s", "brand": "VISA", "last4": "7913", "expiryMonth": 8, "expiryYear": 2031}}""".formatted(customer, firstName));
        post(api, """
                {"type": "authorization", "customerId": "%s", "reference": "W-BT", "paymentMethod": "BANK_TRANSFER",
                 "amount": {"value": 7691, "currency": "EUR"}}""".formatted(customer));
        for (int i = 0; i < 9; i++) {
            post(api, """
                    {"type": "authorization", "customerId": "%s", "reference": "W-%d", "paymentMethod": "INVOICE",
                     "amount": {"value": %d, "currency": "EUR"}}""".formatted(customer, i, 1000 + i * 111));
        }
        return api.get(KEY, "/api/v1/debtors/" + customer).number("userId");
    }

    private static void post(ApiClient api, String body) {
        ApiClient.Answer answer = api.post(KEY, "/api/v1/payments", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    }

    private boolean pageScrollsSideways() {
        Map<String, Long> page = js("return {scroll: document.documentElement.scrollWidth,"
                + " client: document.documentElement.clientWidth};");
        return page.get("scroll") > page.get("client");
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
