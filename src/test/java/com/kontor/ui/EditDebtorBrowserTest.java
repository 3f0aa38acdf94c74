package com.kontor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.demo.DemoLogins;
import com.kontor.testsupport.ApiClient;
import com.kontor.testsupport.BrowserTest;
import com.kontor.ui.pages.DebtorDetailPage;
import com.kontor.ui.pages.EditDebtorDialog;
import com.kontor.ui.pages.LoginPage;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * DEB-2, DEB-3, DEB-5 in the browser: the edit dialog refuses invalid master data next to the field, saves valid data
 * into the history, refuses to overwrite a change the shop made meanwhile and shows the current values; in the
 * payment data tab an invalid IBAN is refused next to the field, a valid one is added and can be deleted.
 */
class EditDebtorBrowserTest extends BrowserTest {

    static final String TEST_KEY = "kontor_test_demo_mueller_webshop";

    /** Logs in as a support agent and opens the debtor of this customer number in test mode. */
    private DebtorDetailPage openDebtorOf(ApiClient api, String customer) {
        long debtorNumber = api.get(TEST_KEY, "/api/v1/debtors/" + customer).number("userId");
        return DebtorDetailPage.open(
                LoginPage.open(browser, url("")).loginAs("support@mueller.example", DemoLogins.PASSWORD),
                "test",
                debtorNumber,
                null);
    }

    @Test
    void masterAndPaymentDataAreEditedWithValidationNextToTheFieldAndNothingIsOverwrittenBlindly() {
        ApiClient api = new ApiClient(port);
        String customer = "E-" + UUID.randomUUID().toString().substring(0, 8);
        String debtorJson = """
                {"firstName": "Karl", "lastName": "Krause", "city": "%s", "country": "DE", "email": "karl@example.org"}""";
        assertThat(api.put(TEST_KEY, "/api/v1/debtors/" + customer, debtorJson.formatted("Essen"))
                        .status())
                .isEqualTo(201);
        DebtorDetailPage debtor = openDebtorOf(api, customer);

        EditDebtorDialog edit = debtor.edit();
        assertThat(edit.value("country")).isEqualTo("Germany (DE)");
        // issue 15, item 9: the country is chosen from ISO 3166, postcode, VAT id and phone are checked by format
        edit.choose("country", "Austria (AT)")
                .set("postcode", "45127")
                .set("vatId", "DE 12345")
                .set("phone", "12")
                .save();
        assertThat(edit.refusal("postcode")).contains("not a postcode of the chosen country");
        assertThat(edit.refusal("vatId")).contains("Not a VAT id");
        assertThat(edit.refusal("phone")).contains("country code");
        edit.choose("country", "Germany (DE)")
                .set("vatId", "DE 123 456 789")
                .set("phone", "0201 1234567")
                .set("lastName", "")
                .save();
        assertThat(edit.refusal("lastName")).contains("A last name or a company is required");

        edit.set("lastName", "Krause-Meyer").saveAndClose();
        assertThat(debtor.name()).contains("Krause-Meyer");
        // DEB-5: the change, who made it, old and new value
        assertThat(debtor.openHistory())
                .contains("Last name", "Krause", "Krause-Meyer", "Postcode", "45127", "support@mueller.example");
        debtor.close("history-close");

        edit = debtor.edit().set("city", "Dortmund");
        // meanwhile the shop sends other data for this customer
        assertThat(api.put(TEST_KEY, "/api/v1/debtors/" + customer, debtorJson.formatted("Bochum"))
                        .status())
                .isEqualTo(200);
        edit.save();
        assertThat(edit.message()).contains("changed this debtor meanwhile");
        assertThat(edit.value("city")).isEqualTo("Bochum");

        edit.paymentData().addBankAccount("Karl Krause", "DE88 3704 0044 0532 0130 00");
        assertThat(edit.ibanRefusal()).contains("check digits");
        edit.addBankAccount("Karl Krause", "DE89 3704 0044 0532 0130 00");
        assertThat(edit.hasBankAccount(0)).isTrue();
        edit.deleteBankAccount(0);
        assertThat(edit.hasBankAccount(0)).isFalse();
        edit.close();
        // the account added and deleted again stands in the history twice
        assertThat(debtor.openHistory().stream().filter("Bank account"::equals)).hasSize(2);
    }

    @Test
    void aRenewedCardIsAmendedWithItsExpiryCheckedNextToTheField() {
        ApiClient api = new ApiClient(port);
        String customer = "C-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Answer paid = api.post(TEST_KEY, "/api/v1/payments", """
                {"type": "authorization", "customerId": "%s", "reference": "ORD-C", "paymentMethod": "CARD",
                 "amount": {"value": 2500, "currency": "EUR"},
                 "card": {"token": "tok_%s", "brand": "VISA", "last4": "1881", "expiryMonth": 4, "expiryYear": 2027},
                 "debtor": {"firstName": "Karla", "lastName": "Kurz", "city": "Kiel", "country": "DE"}}""".formatted(customer, customer));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        DebtorDetailPage debtor = openDebtorOf(api, customer);
        EditDebtorDialog edit = debtor.edit().paymentData();
        assertThat(edit.card(0))
                .isEqualTo("VISA \u2022\u2022\u2022\u2022 \u2022\u2022\u2022\u2022"
                        + " \u2022\u2022\u2022\u2022 1881 \u00b7 04/2027"); // the masked number only

        edit.amendCard(0).amend("expiryMonth", "13").saveAmendment();
        assertThat(edit.amendRefusal("expiryMonth")).contains("1 to 12");

        edit.amend("expiryMonth", "11")
                .amend("expiryYear", "2030")
                .amend("holder", "Karla Kurz")
                .saveAmendment()
                .waitForCard(0, "11/2030 \u00b7 Karla Kurz");
        edit.close();
        assertThat(debtor.openHistory()).contains("Card").anyMatch(cell -> cell.contains("11/2030"));
    }
}
