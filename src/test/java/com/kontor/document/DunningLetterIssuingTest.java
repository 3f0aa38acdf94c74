package com.kontor.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kontor.audit.Actor;
import com.kontor.debtor.BankAccountData;
import com.kontor.debtor.BankAccountSummary;
import com.kontor.debtor.DebtorPaymentData;
import com.kontor.debtor.MandateDetails;
import com.kontor.debtor.MandateSummary;
import com.kontor.debtor.MasterData;
import com.kontor.debtor.PaymentDataValidation;
import com.kontor.document.ui.MandateDownloads;
import com.kontor.ledger.PaymentMethod;
import com.kontor.ledger.ProcessType;
import com.kontor.money.Money;
import com.kontor.operation.NewPayment;
import com.kontor.operation.PaymentCreation;
import com.kontor.tenancy.BookedModule;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.PlatformAdministration;
import com.kontor.tenancy.SystemScope;
import com.kontor.tenancy.TenancyScope;
import com.kontor.testsupport.IntegrationTest;
import com.kontor.testsupport.TestMerchant;
import com.kontor.testsupport.TestUsers;
import java.io.IOException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * DUN-7 and DEB-6 against real MariaDB in a merchant of its own: dunning letters numbered MA-000001, MA-000002 per
 * merchant and mode, archived as rendered (read back: subject, amounts, total, pay-by date, TEST in test mode) and
 * audited, issued by the system or FINANCE/ADMIN where DUNNING is booked; a stored mandate's PDF with the masked IBAN
 * only, downloadable by the merchant's people in its mode and by nobody else.
 */
@IntegrationTest
class DunningLetterIssuingTest {

    @Autowired
    DocumentIssuer issuer;

    @Autowired
    DocumentQueries queries;

    @Autowired
    PaymentCreation creation;

    @Autowired
    DebtorPaymentData paymentData;

    @Autowired
    PaymentDataValidation validation;

    @Autowired
    MandateDownloads mandateDownloads;

    @Autowired
    MandatePdfs mandates;

    @Autowired
    PlatformAdministration platform;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    JdbcTemplate jdbc;

    private static final DunningLetter LETTER = new DunningLetter(
            1,
            "Zahlungserinnerung zu Ihrer Bestellung",
            "Sehr geehrte Damen und Herren,\nbitte zahlen Sie den offenen Betrag.",
            List.of(
                    new LetterLine("Rechnung vom 01.10.2026, fällig am 15.10.2026", 11_900),
                    new LetterLine("Mahngebühr", 250)),
            12_150,
            LocalDate.of(2026, 12, 21));

    /** A direct debit of a new debtor of {@code partition} (English-speaking): a bank account and its mandate. */
    private long directDebit(TestMerchant merchant, Partition partition, String iban) {
        return payment(
                merchant, partition, PaymentMethod.DIRECT_DEBIT, new BankAccountData("Hanna Zahlmann", iban, null));
    }

    /** A payment of a new debtor of {@code partition} (English-speaking). */
    private long payment(TestMerchant merchant, Partition partition, PaymentMethod method, BankAccountData account) {
        // short: a long order reference wraps in the information block
        String customer =
                "DUN-" + UUID.randomUUID().toString().replaceAll("[^a-z]", "").substring(0, 6);
        MasterData debtor = new MasterData(
                null,
                null,
                "Hanna",
                "Zahlmann",
                null,
                "Lindenweg 3",
                null,
                "10115",
                "Berlin",
                "DE",
                null,
                null,
                null,
                "en",
                null);
        return TenancyScope.inPartition(
                        partition,
                        () -> creation.create(
                                merchant.portalId(),
                                new NewPayment(
                                        ProcessType.AUTHORIZATION,
                                        customer,
                                        debtor,
                                        "ORD-" + customer,
                                        Money.of(11_900, "EUR"),
                                        method,
                                        account,
                                        null,
                                        null),
                                Actor.system("dunning letter test shop")))
                .txid();
    }

    private <T> T inTransaction(Partition partition, Supplier<T> work) {
        return TenancyScope.inPartition(
                partition, () -> new TransactionTemplate(transactionManager).execute(status -> work.get()));
    }

    @Test
    void lettersAreNumberedPerMerchantAndModeArchivedAsRenderedAndAudited() throws IOException {
        TestMerchant merchant = TestMerchant.create(platform, jdbc, null);
        long test = directDebit(merchant, merchant.test(), DocumentFixtures.germanIban());
        long live = payment(merchant, merchant.live(), PaymentMethod.INVOICE, null); // live has no debit provider

        IssuedDocument first = inTransaction(merchant.test(), () -> issuer.issueDunningLetter(test, LETTER));
        IssuedDocument second = inTransaction(merchant.test(), () -> issuer.issueDunningLetter(test, LETTER));
        IssuedDocument inLive = inTransaction(merchant.live(), () -> issuer.issueDunningLetter(live, LETTER));

        assertThat(List.of(first.number(), second.number(), inLive.number()))
                .containsExactly("MA-000001", "MA-000002", "MA-000001");
        assertThat(first.type()).isEqualTo(DocumentType.DUNNING_LETTER);
        assertThat(first.language()).as("the debtor's language").isEqualTo("en");
        assertThat(TenancyScope.inPartition(merchant.test(), () -> issuer.languageOf(test)))
                .isEqualTo(Locale.ENGLISH);
        assertThat(TenancyScope.inPartition(merchant.test(), () -> queries.documentsOfProcess(test)))
                .extracting(IssuedDocument::number)
                .containsExactly("MA-000001", "MA-000002");

        String testText =
                DunningLetterRendererTest.read(TenancyScope.inPartition(merchant.test(), () -> queries.pdf("MA-000001"))
                        .orElseThrow()
                        .bytes());
        assertThat(testText)
                .contains("TEST DOCUMENT – not valid")
                .contains("Zahlungserinnerung zu Ihrer Bestellung")
                .contains("Letter number MA-000001")
                .contains("Hanna Zahlmann")
                .contains("21 December 2026");
        String liveText =
                DunningLetterRendererTest.read(TenancyScope.inPartition(merchant.live(), () -> queries.pdf("MA-000001"))
                        .orElseThrow()
                        .bytes());
        // the lines read from the live letter: the test letter's large TEST mark runs through its lines' text
        assertThat(DunningLetterRendererTest.lineWith(liveText, "Rechnung vom 01.10.2026"))
                .endsWith("€119.00");
        assertThat(DunningLetterRendererTest.lineWith(liveText, "Mahngebühr")).endsWith("€2.50");
        assertThat(DunningLetterRendererTest.lineWith(liveText, "Amount due")).endsWith("€121.50");
        assertThat(liveText)
                .contains("Zahlungserinnerung zu Ihrer Bestellung")
                .contains("bitte zahlen Sie den offenen Betrag.")
                .contains("Dunning level 1")
                .contains("Please pay the amount due of €121.50 by 21 December 2026")
                .doesNotContain("TEST");

        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where merchant_id = ? and event_type = 'DOCUMENT_ISSUED'"
                                + " and txid = ?",
                        Integer.class,
                        merchant.id(),
                        test))
                .isEqualTo(2);
    }

    @Test
    void onlyTheSystemFinanceAndAdminIssueAndOnlyWithTheDunningModule() {
        TestMerchant merchant = TestMerchant.create(platform, jdbc, null);
        long txid = directDebit(merchant, merchant.test(), DocumentFixtures.germanIban());
        TestUsers users = new TestUsers(jdbc);
        String admin =
                jdbc.queryForObject("select email from app_user where merchant_id = ?", String.class, merchant.id());

        assertThat(users.as(admin, () -> inTransaction(merchant.test(), () -> issuer.issueDunningLetter(txid, LETTER)))
                        .number())
                .isEqualTo("MA-000001");
        assertThatThrownBy(
                        () -> TenancyScope.inPartition(merchant.test(), () -> issuer.issueDunningLetter(txid, LETTER)))
                .as("outside a transaction")
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);

        SystemScope.run("dunning letter test", () -> {
            platform.bookModules(merchant.id(), EnumSet.of(BookedModule.DUNNING));
            return null;
        });
        assertThat(inTransaction(merchant.test(), () -> issuer.issueDunningLetter(txid, LETTER))
                        .number())
                .as("DUNNING without DOCUMENTS issues letters")
                .isEqualTo("MA-000002");
        assertThat(TenancyScope.inPartition(merchant.test(), () -> queries.documentsOfProcess(txid)))
                .as("and lists them with the documents")
                .extracting(IssuedDocument::number)
                .containsExactly("MA-000001", "MA-000002");
        SystemScope.run("dunning letter test", () -> {
            platform.bookModules(merchant.id(), EnumSet.of(BookedModule.DOCUMENTS));
            return null;
        });
        assertThatThrownBy(() -> inTransaction(merchant.test(), () -> issuer.issueDunningLetter(txid, LETTER)))
                .as("without DUNNING")
                .isInstanceOf(AccessDeniedException.class);

        Partition mueller = new Partition(users.merchantId(com.kontor.demo.DemoLogins.MERCHANT_A), Mode.TEST);
        long muellers = jdbc.queryForObject(
                "select max(txid) from payment_process where partition_key = ?", Long.class, mueller.key());
        assertThatThrownBy(() -> users.as(
                        "support@mueller.example",
                        () -> inTransaction(mueller, () -> issuer.issueDunningLetter(muellers, LETTER))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aMandatePdfShowsTheMaskedIbanOnlyAndOnlyToTheMerchantsPeopleInItsMode() throws IOException {
        TestMerchant merchant = TestMerchant.create(platform, jdbc, null);
        String iban = DocumentFixtures.germanIban();
        long txid = directDebit(merchant, merchant.test(), iban);
        long debtorId = jdbc.queryForObject("select debtor_id from payment_process where txid = ?", Long.class, txid);
        // a second account whose mandate names the merchant's creditor identifier
        String second = DocumentFixtures.germanIban();
        MandateSummary mandate = inTransaction(merchant.test(), () -> {
            BankAccountSummary account = paymentData.useBankAccount(
                    debtorId,
                    validation.validate(new BankAccountData("Hanna Zahlmann", second, "COBADEFFXXX"), "bankAccount"),
                    Actor.system("mandate test"));
            return paymentData.mandateFor(debtorId, account.id(), "DE98ZZZ09999999999", Actor.system("mandate test"));
        });
        TestUsers users = new TestUsers(jdbc);
        String admin =
                jdbc.queryForObject("select email from app_user where merchant_id = ?", String.class, merchant.id());

        List<MandateDetails> listed =
                users.as(admin, () -> TenancyScope.inPartition(merchant.test(), () -> mandates.mandatesOf(debtorId)));
        assertThat(listed).hasSize(2);
        assertThat(listed.getFirst().mandate().mandateReference()).isEqualTo(mandate.mandateReference());
        assertThat(listed.getFirst().account().ibanMasked())
                .isEqualTo(second.substring(0, 4) + "…" + second.substring(second.length() - 4));

        Optional<DocumentPdf> pdf = users.as(admin, () -> mandateDownloads.read(mandate.id(), Mode.TEST));
        String text = DunningLetterRendererTest.read(pdf.orElseThrow().bytes());
        assertThat(text)
                .contains(mandate.mandateReference())
                .contains("DE98ZZZ09999999999")
                .contains(second.substring(0, 4) + "…" + second.substring(second.length() - 4))
                .contains("SEPA Direct Debit Mandate")
                .contains("Hanna Zahlmann")
                .contains("COBADEFFXXX")
                .doesNotContain(second)
                .doesNotContain(second.substring(4, 18))
                .doesNotContain(DocumentRenderer.groupedIban(second).substring(5, 19));
        assertThat(pdf.get().fileName()).isEqualTo(mandate.mandateReference() + ".pdf");

        assertThat(users.as(admin, () -> mandateDownloads.read(mandate.id(), Mode.LIVE)))
                .as("the other mode of the same merchant")
                .isEmpty();
        assertThat(users.as("finance@mueller.example", () -> mandateDownloads.read(mandate.id(), Mode.TEST)))
                .as("another merchant's person")
                .isEmpty();
        assertThat(users.as("approver@mueller.example", () -> mandateDownloads.read(mandate.id(), Mode.TEST)))
                .as("a role that does not see mandates")
                .isEmpty();
        assertThat(mandateDownloads.read(mandate.id(), Mode.TEST))
                .as("nobody logged in")
                .isEmpty();
    }
}
