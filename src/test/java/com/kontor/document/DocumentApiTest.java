package com.kontor.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.testsupport.ApiClient;
import com.kontor.testsupport.ApiClient.Answer;
import com.kontor.testsupport.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The two document endpoints of API.md and DOC-2's invoice for every invoice-method payment: the invoice follows
 * the payment by itself (after its commit), is listed for the process and downloads as the PDF stored, with its
 * SHA-256 as ETag; another merchant's or mode's key finds neither the process's documents nor the PDF.
 */
@IntegrationTest
class DocumentApiTest {

    static final String TEST_KEY = "kontor_test_demo_mueller_webshop";
    static final String LIVE_KEY = "kontor_live_demo_mueller_webshop";
    static final String BAKER_TEST_KEY = "kontor_test_demo_baker_shop_uk";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private JsonNode awaitDocuments(ApiClient api, long txid) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            Answer listed = api.get(TEST_KEY, "/api/v1/payments/" + txid + "/documents");
            assertThat(listed.status()).isEqualTo(200);
            if (!listed.json().isEmpty()) {
                return listed.json();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No invoice for " + txid + " within 20 s");
    }

    private HttpResponse<byte[]> download(String key, String number) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/documents/" + number))
                                .header("Authorization", "Bearer " + key)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void anInvoicePaymentGetsItsInvoiceWhichDownloadsAsStored() throws Exception {
        ApiClient api = new ApiClient(port);
        String customerId = "INV-" + UUID.randomUUID().toString().substring(0, 8);
        Answer created = api.post(TEST_KEY, "/api/v1/payments", """
                {"type": "authorization", "customerId": "%s", "reference": "ORD-%s",
                 "amount": {"value": 4999, "currency": "EUR"}, "paymentMethod": "INVOICE",
                 "debtor": {"firstName": "Zofia", "lastName": "Wąsowska-Straßer", "street": "Lindenweg 3",
                            "postcode": "20095", "city": "Hamburg", "country": "DE", "language": "en"}}""".formatted(customerId, customerId));
        assertThat(created.status()).isEqualTo(201);
        long txid = created.number("txid");

        JsonNode documents = awaitDocuments(api, txid);
        assertThat(documents).hasSize(1);
        JsonNode invoice = documents.get(0);
        String number = invoice.path("number").asString();
        assertThat(invoice.path("type").asString()).isEqualTo("INVOICE");
        assertThat(invoice.path("language").asString()).isEqualTo("en");
        assertThat(invoice.path("href").asString()).isEqualTo("/api/v1/documents/" + number);
        assertThat(invoice.path("issuedAt").asString()).isNotBlank();
        assertThat(api.get(TEST_KEY, "/api/v1/payments/" + txid).text("invoiceNumber"))
                .isEqualTo(number);

        HttpResponse<byte[]> pdf = download(TEST_KEY, number);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"" + number + ".pdf\"");
        java.nio.file.Path dir = java.nio.file.Path.of("target", "documents"); // for a person to look at
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.write(dir.resolve("api-invoice.pdf"), pdf.body());
        String sha256 = DocumentIssuingTest.sha256(pdf.body());
        assertThat(pdf.headers().firstValue("ETag")).hasValue("\"" + sha256 + "\"");
        assertThat(invoice.path("sha256").asString()).isEqualTo(sha256);
        assertThat(DocumentIssuingTest.textOf(pdf.body())).contains(number).contains("Wąsowska-Straßer");

        // another merchant's key: neither the process nor the document
        Answer otherMerchant = api.get(BAKER_TEST_KEY, "/api/v1/payments/" + txid + "/documents");
        assertThat(otherMerchant.status()).isEqualTo(404);
        assertThat(otherMerchant.text("code")).isEqualTo("NOT_FOUND");
        HttpResponse<byte[]> otherMerchantPdf = download(BAKER_TEST_KEY, number);
        assertOtherDocumentOrNotFound(otherMerchantPdf, sha256);
        // the other mode's key: the process is not there, and its number is another document or none
        assertThat(api.get(LIVE_KEY, "/api/v1/payments/" + txid + "/documents").status())
                .isEqualTo(404);
        assertOtherDocumentOrNotFound(download(LIVE_KEY, number), sha256);
        assertThat(download(TEST_KEY, "RE-999999").statusCode()).isEqualTo(404);
    }

    /** Numbers run per merchant and mode, so the same number may name another document there, never this one. */
    private static void assertOtherDocumentOrNotFound(HttpResponse<byte[]> answer, String sha256) {
        if (answer.statusCode() == 200) {
            assertThat(answer.headers().firstValue("ETag")).isNotEqualTo("\"" + sha256 + "\"");
            return;
        }
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"code\":\"NOT_FOUND\"");
    }

    @Test
    void aProcessWithoutDocumentsListsNoneAndTheDescriptionNamesBothEndpoints() {
        ApiClient api = new ApiClient(port);
        Answer created = api.post(TEST_KEY, "/api/v1/payments", """
                {"type": "authorization", "customerId": "NODOC-%s", "reference": "ORD-NODOC",
                 "amount": {"value": 1500, "currency": "EUR"}, "paymentMethod": "WALLET",
                 "debtor": {"lastName": "Ohnebeleg"}}""".formatted(
                        UUID.randomUUID().toString().substring(0, 8)));
        Answer listed = api.get(TEST_KEY, "/api/v1/payments/" + created.number("txid") + "/documents");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).isEqualTo("[]");

        HttpResponse<String> description = api.raw("GET", "/v3/api-docs", null);
        assertThat(description.body())
                .contains("\"/api/v1/payments/{txid}/documents\"")
                .contains("\"/api/v1/documents/{number}\"")
                .contains("application/pdf");
    }
}
