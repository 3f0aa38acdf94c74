package com.kontor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.audit.Actor;
import com.kontor.audit.AuditEntry;
import com.kontor.audit.AuditEventType;
import com.kontor.audit.AuditLog;
import com.kontor.demo.DemoLogins;
import com.kontor.testsupport.BrowserTest;
import com.kontor.ui.pages.AppPage;
import com.kontor.ui.pages.AuditPage;
import com.kontor.ui.pages.LoginPage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * AUD-1..3 in the browser: up to three combined criteria and a date range, a wrong input refused next to the field,
 * the CSV export holding exactly the filtered rows (BOM, the locale's separator, formulas neutralised), and the
 * integrity check for ADMIN and AUDITOR only.
 */
class AuditLogBrowserTest extends BrowserTest {

    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcTemplate jdbc;

    private String actor;

    /** Four records of an actor no other test uses: three in test mode, one in live mode. */
    @BeforeEach
    void records() {
        long merchant =
                jdbc.queryForObject("select id from merchant where name = ?", Long.class, DemoLogins.MERCHANT_A);
        actor = "csv-" + UUID.randomUUID().toString().substring(0, 8);
        auditLog.record(new AuditEntry(
                merchant,
                "TEST",
                Actor.system(actor),
                AuditEventType.COMMENT_ADDED,
                4711L,
                99L,
                "=HYPERLINK(\"http://evil.example\";\"click\")",
                Map.of()));
        auditLog.record(new AuditEntry(
                merchant,
                "TEST",
                Actor.system(actor),
                AuditEventType.COMMENT_ADDED,
                4711L,
                100L,
                "Called; pays \"next week\"",
                Map.of()));
        auditLog.record(new AuditEntry(
                        merchant,
                        "TEST",
                        Actor.system(actor),
                        AuditEventType.DEBTOR_CHANGED,
                        4711L,
                        null,
                        null,
                        Map.of())
                .withChange("city", "Köln", "Bonn"));
        auditLog.record(new AuditEntry(
                merchant,
                "LIVE",
                Actor.system(actor),
                AuditEventType.COMMENT_ADDED,
                4711L,
                null,
                "live mode only",
                Map.of()));
    }

    private AuditPage open(String email) {
        AppPage app = LoginPage.open(browser, url("")).loginAs(email, DemoLogins.PASSWORD);
        app.go("/test/audit");
        return new AuditPage(browser, url(""));
    }

    private List<String> cells() {
        return new AppPage(browser, url("")).gridCells("audit-grid");
    }

    @Test
    void criteriaCombineAndTheExportHoldsExactlyTheFilteredRows() throws Exception {
        AuditPage audit = open("support@mueller.example");
        audit.criterion(1, "User", actor).search();
        assertThat(cells())
                .contains("Called; pays \"next week\"", "city: Köln \u2192 Bonn")
                .doesNotContain("live mode only"); // the other mode's records stay there

        String today = LocalDate.now(ZoneId.of("Europe/Berlin")).format(DateTimeFormatter.ofPattern("M/d/yyyy"));
        audit.addCriterion().eventType(2, "Comment added").range(today, today).search();
        assertThat(cells())
                .contains("Called; pays \"next week\"", "=HYPERLINK(\"http://evil.example\";\"click\")")
                .doesNotContain("city: Köln \u2192 Bonn");

        String csv = download(audit.exportUrl());
        assertThat(csv).startsWith("\uFEFF");
        List<String> lines = Arrays.asList(csv.substring(1).split("\r\n"));
        assertThat(lines.getFirst()).isEqualTo("Date,User,Type of event,Debtor no.,TXID,Comment,Details");
        assertThat(lines).hasSize(3); // the header and exactly the two rows shown
        assertThat(lines.get(1))
                .contains("," + actor + ",COMMENT_ADDED,4711,100,")
                .endsWith(",\"Called; pays \"\"next week\"\"\",");
        assertThat(lines.get(2)).contains(",4711,99,\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"click\"\")\",");

        audit.addCriterion().criterion(3, "TXID", "100").search();
        assertThat(cells())
                .contains("Called; pays \"next week\"")
                .doesNotContain("=HYPERLINK(\"http://evil.example\";\"click\")");
        assertThat(download(audit.exportUrl()).split("\r\n")).hasSize(2);
    }

    @Test
    void aWrongInputIsRefusedNextToTheField() {
        AuditPage audit = open("support@mueller.example");
        audit.criterion(1, "Debtor no.", "12a").search();
        assertThat(audit.criterionError(1)).contains("Digits only");
        assertThat(audit.mayVerify()).isFalse(); // SUPPORT cannot run the integrity check
    }

    @Test
    void anAuditorVerifiesTheChainOfTheMerchant() {
        AuditPage audit = open("auditor@mueller.example");
        assertThat(audit.verify()).startsWith("The audit log is intact:").contains("sealed records checked");
        audit.eventType(1, "Audit log verified").search(); // the check is audited
        assertThat(cells()).contains("auditor@mueller.example", "Audit log verified");
    }

    /** Fetches a download with the browser's session, as the browser would on a click. */
    private String download(String address) throws Exception {
        String cookies = browser.manage().getCookies().stream()
                .map(Cookie::toString)
                .map(c -> c.substring(0, c.indexOf(';')))
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(address))
                                .header("Cookie", cookies)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .contains("audit-log.csv");
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
