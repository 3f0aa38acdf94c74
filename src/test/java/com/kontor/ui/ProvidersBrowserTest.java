package com.kontor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.demo.DemoLogins;
import com.kontor.testsupport.BrowserTest;
import com.kontor.ui.pages.AppPage;
import com.kontor.ui.pages.LoginPage;
import com.kontor.ui.pages.ProvidersPage;
import com.kontor.ui.pages.ReviewPage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * PSP-5 and the review list of PSP-3 in the browser: an ADMIN sets a portal's Adyen account and HMAC key (a bad key
 * is refused next to the field); a notification signed with the new key for an unknown process lands in the review
 * list, where FINANCE dismisses it with a note.
 */
class ProvidersBrowserTest extends BrowserTest {

    static final String NEW_KEY = "00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF";
    static final String ACCOUNT = "MuellerMarktplatzTEST";

    @Test
    void anAdminSetsAdyenKeysAndFinanceDismissesAReviewedNotification() throws Exception {
        AppPage admin = LoginPage.open(browser, url("")).loginAs("admin@mueller.example", DemoLogins.PASSWORD);
        ProvidersPage providers = ProvidersPage.open(admin, "test");
        assertThat(providers.payonePortalId("Webshop")).isEqualTo(DemoLogins.PAYONE_PORTAL_ID);

        providers.setAdyenAccount("Marktplatz", ACCOUNT).rotateAdyenKey("Marktplatz", "not hex");
        assertThat(providers.adyenKeyRefusal("Marktplatz")).contains("hex");
        providers.rotateAdyenKey("Marktplatz", NEW_KEY);
        assertThat(providers.bodyText()).contains("Saved.").doesNotContain(NEW_KEY);

        String unknownProcess = "sim-nothing-" + System.nanoTime();
        assertThat(adyen("review-" + System.nanoTime(), unknownProcess)).isEqualTo(200);
        providers.logout();

        AppPage finance = LoginPage.open(browser, url("")).loginAs("finance@mueller.example", DemoLogins.PASSWORD);
        ReviewPage review = ReviewPage.open(finance, "test").waitFor(unknownProcess);
        assertThat(review.gridCells("review-grid"))
                .contains(unknownProcess, "No process with this provider reference.");
        review.chooseLanguage("DE"); // the reason in the reader's language, not as the job stored it
        assertThat(review.gridCells("review-grid"))
                .contains("Kein Vorgang hat diese Referenz des Anbieters.")
                .doesNotContain("No process with this provider reference.");
        review.chooseLanguage("EN");
        review = ReviewPage.open(finance, "test").waitFor(unknownProcess);
        review.dismiss(unknownProcess, "Sent by mistake from the live shop");
        review.go(review.path());
        assertThat(review.lists(unknownProcess))
                .as("dismissed, it has left the list")
                .isFalse();
    }

    /** An Adyen notification about a process that does not exist, signed with the new key: it goes to review. */
    private int adyen(String psp, String process) throws Exception {
        String signed = String.join(":", psp, process, ACCOUNT, "ORD", "100", "EUR", "REFUND", "true");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(HexFormat.of().parseHex(NEW_KEY), "HmacSHA256"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes()));
        String body = """
                {"live": "false", "notificationItems": [{"NotificationRequestItem": {"eventCode": "REFUND",
                 "success": "true", "pspReference": "%s", "originalReference": "%s", "merchantReference": "ORD",
                 "merchantAccountCode": "%s", "amount": {"value": 100, "currency": "EUR"},
                 "additionalData": {"hmacSignature": "%s"}}}]}""".formatted(psp, process, ACCOUNT, signature);
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url("/notifications/adyen")))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }
}
