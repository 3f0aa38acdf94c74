package com.kontor.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.testsupport.ApiClient;
import com.kontor.testsupport.ApiClient.Answer;
import com.kontor.testsupport.IntegrationTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 15, items 1 to 7: the API's input rules of API.md hold for every field and every way a client can get them
 * wrong: amounts within their range and currencies that exist, numbers too large for their field, duplicate and
 * unknown keys, JSON in strict UTF-8 only, no card number in any text, bodies limited before they are read, and a
 * problem document for every refusal.
 */
@IntegrationTest
class StrictInputTest {

    static final String KEY = "kontor_test_demo_mueller_webshop";
    static final long MAX = 99_999_999_999L;

    @LocalServerPort
    int port;

    private ApiClient api() {
        return new ApiClient(port);
    }

    private static String customer() {
        return "SI-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String invoice(String customer, String amount, String extra) {
        return """
                {"type": "authorization", "customerId": "%s", "reference": "ORD-1", "paymentMethod": "INVOICE",
                 "amount": %s, "debtor": {"lastName": "Strict", "country": "DE"}%s}""".formatted(customer, amount, extra);
    }

    private static String eur(String value) {
        return "{\"value\": " + value + ", \"currency\": \"EUR\"}";
    }

    private static void refusedAt(Answer answer, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(422);
        assertThat(answer.text("code")).isEqualTo("VALIDATION_FAILED");
        assertThat(answer.json().path("errors").findValuesAsString("field")).contains(field);
    }

    private static void malformed(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"code\":\"MALFORMED_REQUEST\"");
    }

    @Test
    void amountsKeepTheirRangeAndTwoMaximalInvoicesSumExactly() {
        String customer = customer();
        refusedAt(
                api().post(KEY, "/api/v1/payments", invoice(customer, eur(Long.toString(MAX + 1)), "")),
                "amount.value");
        refusedAt(api().post(KEY, "/api/v1/payments", invoice(customer, eur("0"), "")), "amount.value");
        refusedAt(
                api().post(KEY, "/api/v1/payments", invoice(customer, eur("9223372036854775807"), "")), "amount.value");
        assertThat(api().post(KEY, "/api/v1/payments", invoice(customer, eur(Long.toString(MAX)), ""))
                        .status())
                .isEqualTo(201);
        assertThat(api().post(KEY, "/api/v1/payments", invoice(customer, eur(Long.toString(MAX)), ""))
                        .status())
                .isEqualTo(201);
        Answer debtor = api().get(KEY, "/api/v1/debtors/" + customer);
        assertThat(debtor.json().path("balances").get(0).path("value").asLong()).isEqualTo(2 * MAX);
    }

    @Test
    void aNumberBeyond64BitsIsInvalidForItsFieldNotMalformed() {
        refusedAt(
                api().post(KEY, "/api/v1/payments", invoice(customer(), eur("99999999999999999999999"), "")),
                "amount.value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"XXX", "XTS", "XAU", "XDR", "DEM", "HRK", "CHE", "eur", "EURO"})
    void onlyActiveCurrenciesArePaidIn(String currency) {
        refusedAt(
                api().post(
                                KEY,
                                "/api/v1/payments",
                                invoice(customer(), "{\"value\": 100, \"currency\": \"" + currency + "\"}", "")),
                "amount.currency");
    }

    @Test
    void aDueDateOutsideASaneRangeIsRefused() {
        refusedAt(
                api().post(KEY, "/api/v1/payments", invoice(customer(), eur("100"), ", \"dueDate\": \"9999-12-31\"")),
                "dueDate");
        refusedAt(
                api().post(KEY, "/api/v1/payments", invoice(customer(), eur("100"), ", \"dueDate\": \"1970-01-01\"")),
                "dueDate");
    }

    @Test
    void aDuplicateKeyIsMalformedAndEveryUnknownFieldIsNamed() {
        malformed(api().raw(
                        "POST",
                        "/api/v1/payments",
                        invoice(customer(), eur("100"), ", \"reference\": \"ORD-2\"")
                                .getBytes(StandardCharsets.UTF_8),
                        "Authorization",
                        "Bearer " + KEY,
                        "Content-Type",
                        "application/json"));
        Answer unknown = api().post(
                        KEY,
                        "/api/v1/payments",
                        invoice(customer(), eur("100"), ", \"colour\": \"red\", \"debtor2\": {\"x\": 1}")
                                .replace("\"country\": \"DE\"", "\"country\": \"DE\", \"shoeSize\": 44"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("colour", "debtor2", "debtor.shoeSize");
    }

    @Test
    void onlyJsonIsReadAndAnswered() {
        malformed(api().raw(
                        "POST",
                        "/api/v1/payments",
                        "<payment><type>authorization</type></payment>".getBytes(StandardCharsets.UTF_8),
                        "Authorization",
                        "Bearer " + KEY,
                        "Content-Type",
                        "application/xml"));
        malformed(api().raw(
                        "POST",
                        "/api/v1/payments",
                        "type: authorization".getBytes(StandardCharsets.UTF_8),
                        "Authorization",
                        "Bearer " + KEY,
                        "Content-Type",
                        "application/yaml"));
        HttpResponse<String> xml =
                api().raw("GET", "/api/v1/key", null, "Authorization", "Bearer " + KEY, "Accept", "application/xml");
        assertThat(xml.statusCode()).isEqualTo(406);
        assertThat(xml.body()).doesNotContain("<");
    }

    @Test
    void overlongUtf8AndLoneSurrogatesAreMalformedBidiControlsInvalid() {
        String prefix = "{\"type\": \"authorization\", \"customerId\": \"" + customer()
                + "\", \"reference\": \"ORD-1\", \"paymentMethod\": \"INVOICE\", \"amount\": " + eur("100")
                + ", \"debtor\": {\"lastName\": \"";
        String suffix = "\"}}";
        byte[][] bodies = {
            concat(prefix.getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC0, (byte) 0xAF}, suffix),
            concat(prefix.getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, suffix),
            concat(prefix.getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, suffix),
            (prefix + "A\\ud800B" + suffix).getBytes(StandardCharsets.UTF_8)
        };
        for (byte[] body : bodies) {
            malformed(api().raw(
                            "POST",
                            "/api/v1/payments",
                            body,
                            "Authorization",
                            "Bearer " + KEY,
                            "Content-Type",
                            "application/json"));
        }
        refusedAt(api().post(KEY, "/api/v1/payments", prefix + "Evil\u202Eeman" + suffix), "debtor.lastName");
    }

    @Test
    void aFullCardNumberIsRefusedInEveryTextAndNeverEchoed() {
        String pan = "4111 1111 1111 1111";
        Answer reference = api().post(
                        KEY,
                        "/api/v1/payments",
                        invoice(customer(), eur("100"), "").replace("ORD-1", "ORD " + pan));
        refusedAt(reference, "reference");
        assertThat(reference.body()).doesNotContain("4111");
        refusedAt(
                api().post(
                                KEY,
                                "/api/v1/payments",
                                invoice(customer(), eur("100"), "")
                                        .replace("\"lastName\": \"Strict\"", "\"lastName\": \"" + pan + "\"")),
                "debtor.lastName");
        String card = """
                {"type": "authorization", "customerId": "%s", "reference": "R", "paymentMethod": "CARD",
                 "amount": {"value": 100, "currency": "EUR"}, "debtor": {"lastName": "Card"},
                 "card": {"token": "tok_abc", "brand": "%s", "last4": "1111", "expiryMonth": 1, "expiryYear": 2031}}""";
        refusedAt(api().post(KEY, "/api/v1/payments", card.formatted(customer(), "4111111111111111")), "card.brand");
        refusedAt(api().post(KEY, "/api/v1/blacklist/check", "{\"cardToken\": \"" + pan + "\"}"), "cardToken");
    }

    @Test
    void theBlacklistCheckValidatesItsInputLikeAnEntry() {
        refusedAt(api().post(KEY, "/api/v1/blacklist/check", "{\"email\": \"not an email\"}"), "email");
        refusedAt(api().post(KEY, "/api/v1/blacklist/check", "{\"email\": \"" + "a".repeat(250) + "@x.de\"}"), "email");
        refusedAt(api().post(KEY, "/api/v1/blacklist/check", "{\"iban\": \"DE00 1234\"}"), "iban");
        refusedAt(api().post(KEY, "/api/v1/blacklist/check", "{\"cardToken\": \"tok\\u0007\"}"), "cardToken");
        Answer fine = api().post(KEY, "/api/v1/blacklist/check", "{\"email\": \"fine@example.org\"}");
        assertThat(fine.status()).isEqualTo(200);
        assertThat(fine.json().path("email").asBoolean()).isFalse();
    }

    @Test
    void bodiesOverTheLimitAreRefusedBeforeTheyAreReadOrChecked() {
        byte[] twoMiB = new byte[2 * 1024 * 1024 + 10];
        Arrays.fill(twoMiB, (byte) ' ');
        for (String idempotency : new String[] {null, "big-" + UUID.randomUUID()}) {
            HttpResponse<String> api = idempotency == null
                    ? api().raw(
                                    "POST",
                                    "/api/v1/payments",
                                    twoMiB,
                                    "Authorization",
                                    "Bearer " + KEY,
                                    "Content-Type",
                                    "application/json")
                    : api().raw(
                                    "POST",
                                    "/api/v1/payments",
                                    twoMiB,
                                    "Authorization",
                                    "Bearer " + KEY,
                                    "Content-Type",
                                    "application/json",
                                    "Idempotency-Key",
                                    idempotency);
            assertThat(api.statusCode()).isEqualTo(413);
            assertThat(api.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
        }
        // unauthenticated and unsigned: refused for its size, before any signature check
        HttpResponse<String> notification = api().raw(
                        "POST", "/notifications/adyen", new byte[3 * 1024 * 1024], "Content-Type", "application/json");
        assertThat(notification.statusCode()).isEqualTo(413);
        assertThat(notification.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
    }

    @Test
    void everyRefusalIsAProblemDocument() {
        HttpResponse<String> notANumber =
                api().raw("GET", "/api/v1/payments/abc", null, "Authorization", "Bearer " + KEY);
        assertThat(notANumber.statusCode()).isEqualTo(404);
        assertThat(notANumber.body()).contains("\"code\":\"NOT_FOUND\"");
        for (String path : new String[] {"/api/v1/payments/1%25", "/api/v1/payments/1;x=y", "/api/v1/payments/a%2Fb"}) {
            HttpResponse<String> rejected = api().raw("GET", path, null, "Authorization", "Bearer " + KEY);
            assertThat(rejected.statusCode()).as(path).isBetween(400, 404);
            assertThat(rejected.headers().firstValue("Content-Type"))
                    .as(path)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(rejected.body()).as(path).contains("\"code\":");
        }
        malformed(api().raw(
                        "POST",
                        "/notifications/payone",
                        "key=abc&txid=%C0%AF&txaction=paid".getBytes(StandardCharsets.US_ASCII),
                        "Content-Type",
                        "application/x-www-form-urlencoded"));
    }

    private static byte[] concat(byte[] head, byte[] middle, String tail) {
        byte[] end = tail.getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(head, head.length + middle.length + end.length);
        System.arraycopy(middle, 0, all, head.length, middle.length);
        System.arraycopy(end, 0, all, head.length + middle.length, end.length);
        return all;
    }
}
