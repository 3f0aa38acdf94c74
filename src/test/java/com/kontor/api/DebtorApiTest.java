package com.kontor.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.testsupport.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** API-2/API-3 for debtors: create, update, read; strict input; the key's merchant and mode only. */
@IntegrationTest
class DebtorApiTest {

    static final String TEST_KEY = "kontor_test_demo_mueller_webshop";
    static final String LIVE_KEY = "kontor_live_demo_mueller_webshop";
    static final String BAKER_TEST_KEY = "kontor_test_demo_baker_shop_uk";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private String customerId;

    @BeforeEach
    void newCustomer() {
        customerId = "API-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private HttpResponse<String> put(String key, String id, String contentType, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/debtors/" + id))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", contentType)
                        .PUT(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(String key, String body) throws Exception {
        return put(key, customerId, "application/json", body);
    }

    private HttpResponse<String> get(String key, String id) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/debtors/" + id))
                        .header("Authorization", "Bearer " + key)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static final String ANNA = """
            {"salutation": "Frau", "firstName": "Anna", "lastName": "Müller", "street": "Hauptstraße 1",
             "postcode": "10115", "city": "Berlin", "country": "DE", "email": "  Anna@Example.COM ",
             "birthday": "1980-05-17", "language": "de"}""";

    @Test
    void aShopCreatesUpdatesAndReadsADebtorAndEveryChangeIsKept() throws Exception {
        HttpResponse<String> created = put(TEST_KEY, ANNA);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body())
                .contains("\"customerId\":\"" + customerId + "\"")
                .contains("\"userId\":")
                .contains("\"email\":\"anna@example.com\"")
                .contains("\"balances\":[]")
                .contains("\"txids\":[]");

        HttpResponse<String> updated = put(TEST_KEY, ANNA.replace("Berlin", "Potsdam"));
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(get(TEST_KEY, customerId).body())
                .contains("\"city\":\"Potsdam\"")
                .contains("\"birthday\":\"1980-05-17\"");
        assertThat(jdbc.queryForObject(
                        "select count(*) from debtor_change c join debtor d on d.id = c.debtor_id"
                                + " where d.customer_id = ? and c.field = 'city' and c.old_value = 'Berlin' and c.new_value = 'Potsdam'"
                                + " and c.actor_type = 'API_KEY'",
                        Long.class,
                        customerId))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event a join debtor d"
                                + " on d.debtor_number = a.debtor_number where d.customer_id = ? and a.actor_type = 'API_KEY'",
                        Long.class,
                        customerId))
                .isEqualTo(2);
    }

    @Test
    void aKeyReachesOnlyItsOwnMerchantAndMode() throws Exception {
        assertThat(put(LIVE_KEY, ANNA).statusCode()).isEqualTo(201);
        assertThat(get(LIVE_KEY, customerId).statusCode()).isEqualTo(200);
        HttpResponse<String> fromTest = get(TEST_KEY, customerId);
        assertThat(fromTest.statusCode()).isEqualTo(404);
        assertThat(fromTest.body()).contains("\"code\":\"NOT_FOUND\"");
        assertThat(get(BAKER_TEST_KEY, customerId).statusCode()).isEqualTo(404);
    }

    @Test
    void unknownFieldsWrongTypesAndBadValuesAreRefusedFieldByFieldAndNothingIsSaved() throws Exception {
        HttpResponse<String> unknown = put(TEST_KEY, "{\"lastName\": \"X\", \"nickname\": \"x\"}");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("\"code\":\"VALIDATION_FAILED\"").contains("\"field\":\"nickname\"");

        HttpResponse<String> number = put(TEST_KEY, "{\"lastName\": 123}");
        assertThat(number.statusCode()).isEqualTo(422);
        assertThat(number.body()).contains("\"field\":\"lastName\"");

        HttpResponse<String> values = put(
                TEST_KEY,
                "{\"firstName\": \"Anna\", \"city\": \"Ber\\nlin\","
                        + " \"country\": \"Germany\", \"email\": \"nope\", \"birthday\": \"1980-13-40\"}");
        assertThat(values.statusCode()).isEqualTo(422);
        assertThat(values.body()).contains("\"field\":\"birthday\"");
        HttpResponse<String> semantic = put(
                TEST_KEY,
                "{\"firstName\": \"Anna\", \"city\": \"Ber\\nlin\","
                        + " \"country\": \"Germany\", \"email\": \"nope\"}");
        assertThat(semantic.statusCode()).isEqualTo(422);
        assertThat(semantic.body())
                .contains("\"field\":\"city\"")
                .contains("\"field\":\"country\"")
                .contains("\"field\":\"email\"")
                .contains("\"field\":\"lastNameOrCompany\"");

        HttpResponse<String> badId = put(TEST_KEY, "has%20space", "application/json", ANNA);
        assertThat(badId.statusCode()).isEqualTo(422);
        assertThat(badId.body()).contains("\"field\":\"customerId\"");
        assertThat(get(TEST_KEY, customerId).statusCode()).isEqualTo(404);
    }

    @Test
    void countryPostcodeVatIdAndPhoneFollowTheirFormats() throws Exception {
        HttpResponse<String> wrong = put(
                TEST_KEY,
                "{\"lastName\": \"Format\", \"country\": \"DE\", \"postcode\": \"1234\","
                        + " \"vatId\": \"DE12345\", \"phone\": \"call me\"}");
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body())
                .contains("\"field\":\"postcode\"")
                .contains("\"field\":\"vatId\"")
                .contains("\"field\":\"phone\"")
                .doesNotContain("\"field\":\"country\"");
        HttpResponse<String> noCountry = put(TEST_KEY, "{\"lastName\": \"Format\", \"country\": \"ZZ\"}");
        assertThat(noCountry.statusCode()).isEqualTo(422);
        assertThat(noCountry.body()).contains("\"field\":\"country\"");
        assertThat(get(TEST_KEY, customerId).statusCode()).isEqualTo(404);

        HttpResponse<String> british = put(
                TEST_KEY,
                "{\"lastName\": \"Format\", \"country\": \"GB\", \"postcode\": \"SW1A 1AA\","
                        + " \"vatId\": \"ATU12345678\", \"phone\": \"020 7946 0958\"}");
        assertThat(british.statusCode()).as(british.body()).isEqualTo(201);
    }

    @Test
    void aBodyThatIsNotOneJsonObjectIsMalformed() throws Exception {
        for (String body : new String[] {"[" + ANNA + "]", ANNA + " {}", "not json", ""}) {
            HttpResponse<String> response = put(TEST_KEY, body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.body()).contains("\"code\":\"MALFORMED_REQUEST\"");
        }
        HttpResponse<String> text = put(TEST_KEY, customerId, "text/plain", ANNA);
        assertThat(text.statusCode()).isEqualTo(400);
        assertThat(text.body()).contains("\"code\":\"MALFORMED_REQUEST\"");
    }
}
