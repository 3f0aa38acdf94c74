package com.kontor.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kontor.audit.Actor;
import com.kontor.debtor.CardData;
import com.kontor.debtor.MasterData;
import com.kontor.ledger.PaymentMethod;
import com.kontor.ledger.ProcessDetails;
import com.kontor.ledger.ProcessType;
import com.kontor.money.Money;
import com.kontor.operation.NewPayment;
import com.kontor.operation.PaymentCreation;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.PlatformAdministration;
import com.kontor.tenancy.TenancyScope;
import com.kontor.testsupport.IntegrationTest;
import com.kontor.testsupport.TestMerchant;
import com.kontor.testsupport.TestUsers;
import java.io.IOException;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * DOC-2 against real MariaDB, in a merchant of its own (its numbers start at 1): gapless unique numbers under
 * concurrency and rollback, separate numbers per mode, one invoice per process, the archive as issued and never
 * changed, the invoice number on the process, and who may issue.
 */
@IntegrationTest
class DocumentIssuingTest {

    @Autowired
    DocumentIssuer issuer;

    @Autowired
    DocumentQueries queries;

    @Autowired
    PaymentCreation creation;

    @Autowired
    PlatformAdministration platform;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    JdbcTemplate jdbc;

    private TestMerchant merchant;
    private TransactionTemplate transaction;

    @BeforeEach
    void aMerchantOfItsOwn() {
        merchant = TestMerchant.create(platform, jdbc, null);
        transaction = new TransactionTemplate(transactionManager);
    }

    /** A card payment, paid at once: no invoice of its own (only invoice-method processes get one by themselves). */
    private long paidByCard(Partition partition, String lastName) {
        String customer = "DOC-" + UUID.randomUUID().toString().substring(0, 8);
        MasterData debtor = new MasterData(
                null,
                null,
                "Łukasz",
                lastName,
                null,
                "Weißdornstraße 5",
                null,
                "80331",
                "München",
                "DE",
                null,
                null,
                null,
                "de",
                null);
        ProcessDetails created = TenancyScope.inPartition(
                partition,
                () -> creation.create(
                        merchant.portalId(),
                        new NewPayment(
                                ProcessType.AUTHORIZATION,
                                customer,
                                debtor,
                                "ORD-" + customer,
                                Money.of(11_900, "EUR"),
                                PaymentMethod.CARD,
                                null,
                                new CardData("tok_" + customer, "VISA", "4242", 12, 2030, "Łukasz " + lastName),
                                null),
                        Actor.system("document test shop")));
        return created.txid();
    }

    private <T> T inTransaction(Partition partition, Supplier<T> work) {
        return TenancyScope.inPartition(partition, () -> transaction.execute(status -> work.get()));
    }

    private IssuedDocument invoice(Partition partition, long txid) {
        return inTransaction(partition, () -> issuer.issueInvoice(txid));
    }

    @Test
    void twentyInvoicesIssuedAtOnceGetGaplessUniqueNumbers() throws Exception {
        int parallel = 20;
        List<Long> txids = IntStream.range(0, parallel)
                .mapToObj(i -> paidByCard(merchant.test(), "Größe"))
                .toList();
        CyclicBarrier start = new CyclicBarrier(parallel);
        List<Future<IssuedDocument>> issued = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(parallel)) {
            for (long txid : txids) {
                issued.add(pool.submit(() -> {
                    start.await();
                    return invoice(merchant.test(), txid);
                }));
            }
        }
        List<String> numbers = new ArrayList<>();
        for (Future<IssuedDocument> f : issued) {
            numbers.add(f.get().number());
        }
        assertThat(numbers)
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, parallel)
                        .mapToObj(n -> "RE-%06d".formatted(n))
                        .toList());
        for (int i = 0; i < parallel; i++) {
            assertThat(jdbc.queryForObject(
                            "select invoice_number from payment_process where txid = ?", String.class, txids.get(i)))
                    .as("the process carries the number of its invoice")
                    .isEqualTo(issued.get(i).get().number());
        }
    }

    @Test
    void aRolledBackIssueLeavesNoGap() {
        long first = paidByCard(merchant.test(), "Erster");
        long rolledBack = paidByCard(merchant.test(), "Zweiter");
        long third = paidByCard(merchant.test(), "Dritter");
        assertThat(invoice(merchant.test(), first).number()).isEqualTo("RE-000001");

        assertThatThrownBy(() -> inTransaction(merchant.test(), () -> {
                    assertThat(issuer.issueInvoice(rolledBack).number()).isEqualTo("RE-000002");
                    throw new IllegalStateException("something after the issue fails");
                }))
                .hasMessage("something after the issue fails");

        assertThat(invoice(merchant.test(), third).number())
                .as("the next issue gets the number the rolled-back one had")
                .isEqualTo("RE-000002");
        assertThat(jdbc.queryForObject("select count(*) from document where txid = ?", Integer.class, rolledBack))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select invoice_number from payment_process where txid = ?", String.class, rolledBack))
                .isNull();
    }

    @Test
    void anInvoiceIsIssuedOnceAndStoredAsIssued() throws Exception {
        long txid = paidByCard(merchant.test(), "Größe");
        IssuedDocument first = invoice(merchant.test(), txid);
        IssuedDocument again = invoice(merchant.test(), txid);
        assertThat(again).isEqualTo(first);
        assertThat(jdbc.queryForObject("select count(*) from document where txid = ?", Integer.class, txid))
                .isOne();

        DocumentPdf pdf = TenancyScope.inPartition(merchant.test(), () -> queries.pdf(first.number()))
                .orElseThrow();
        assertThat(pdf.sha256()).isEqualTo(first.sha256()).isEqualTo(sha256(pdf.bytes()));
        assertThat(first.language()).isEqualTo("de");
        String text = textOf(pdf.bytes());
        assertThat(text).contains(first.number()).contains("Łukasz Größe").contains("TEST");

        // archived as issued: the database refuses a change and a deletion
        assertThatThrownBy(() -> jdbc.update(
                        "update document set language = 'en' where number = ? and txid = ?", first.number(), txid))
                .hasMessageContaining("archived as issued");
        assertThatThrownBy(() -> jdbc.update("delete from document where txid = ?", txid))
                .hasMessageContaining("archived as issued");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where txid = ? and event_type = 'DOCUMENT_ISSUED'",
                        Integer.class,
                        txid))
                .isOne();
    }

    @Test
    void invoiceMethodProcessesGetTheirInvoiceAfterCommitNumberedPerMode() throws Exception {
        long test = byInvoice(merchant.test());
        long live = byInvoice(merchant.live());
        assertThat(awaitInvoice(test)).isEqualTo("RE-000001");
        assertThat(awaitInvoice(live)).as("live mode numbers on its own").isEqualTo("RE-000001");
        assertThat(TenancyScope.inPartition(merchant.live(), () -> queries.documentsOfProcess(test)))
                .isEmpty();
        String liveSha = TenancyScope.inPartition(merchant.live(), () -> queries.pdf("RE-000001"))
                .orElseThrow()
                .sha256();
        DocumentPdf testPdf = TenancyScope.inPartition(merchant.test(), () -> queries.pdf("RE-000001"))
                .orElseThrow();
        assertThat(testPdf.sha256()).isNotEqualTo(liveSha);
        assertThat(textOf(testPdf.bytes())).contains("TEST");
        assertThat(textOf(TenancyScope.inPartition(merchant.live(), () -> queries.pdf("RE-000001"))
                        .orElseThrow()
                        .bytes()))
                .doesNotContain("TEST");
    }

    /** An invoice-method payment (open item: no provider involved, also in live mode). */
    private long byInvoice(Partition partition) {
        String customer = "DOCI-" + UUID.randomUUID().toString().substring(0, 8);
        return TenancyScope.inPartition(
                        partition,
                        () -> creation.create(
                                merchant.portalId(),
                                new NewPayment(
                                        ProcessType.AUTHORIZATION,
                                        customer,
                                        MasterData.ofName("Ida", "Invoice"),
                                        "ORD-" + customer,
                                        Money.of(5_000, "EUR"),
                                        PaymentMethod.INVOICE,
                                        null,
                                        null,
                                        null),
                                Actor.system("document test shop")))
                .txid();
    }

    private String awaitInvoice(long txid) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            List<String> numbers = jdbc.queryForList(
                    "select number from document where txid = ? and type = 'INVOICE'", String.class, txid);
            if (!numbers.isEmpty()) {
                return numbers.getFirst();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No invoice for " + txid + " within 20 s");
    }

    @Test
    void aCreditNoteHasItsOwnNumbersAndNamesTheInvoice() throws IOException {
        long txid = paidByCard(merchant.test(), "Größe");
        IssuedDocument invoice = invoice(merchant.test(), txid);
        IssuedDocument credit = inTransaction(
                        merchant.test(),
                        () -> issuer.issueCreditNote(
                                txid, List.of(new DocumentLine("Kulanz", 1, new BigDecimal("19"), 1_000))))
                .orElseThrow();
        assertThat(credit.number()).isEqualTo("GS-000001");
        assertThat(credit.type()).isEqualTo(DocumentType.CREDIT_NOTE);
        assertThat(TenancyScope.inPartition(merchant.test(), () -> queries.documentsOfProcess(txid)))
                .extracting(IssuedDocument::number)
                .containsExactly(invoice.number(), credit.number());
        assertThat(textOf(TenancyScope.inPartition(merchant.test(), () -> queries.pdf(credit.number()))
                        .orElseThrow()
                        .bytes()))
                .contains(credit.number());
    }

    @Test
    void onlyTheRightRolesIssueAndOnlyInsideATransaction() {
        TestUsers users = new TestUsers(jdbc);
        Partition mueller =
                new Partition(users.merchantId(com.kontor.demo.DemoLogins.MERCHANT_A), com.kontor.tenancy.Mode.TEST);
        long txid = jdbc.queryForObject(
                "select max(txid) from payment_process where partition_key = ? and payment_method = 'CARD'"
                        + " and invoice_number is null and status = 'OK'",
                Long.class,
                mueller.key());
        assertThatThrownBy(() -> users.as(
                        "support@mueller.example", () -> inTransaction(mueller, () -> issuer.issueInvoice(txid))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TenancyScope.inPartition(mueller, () -> issuer.issueInvoice(txid)))
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
        assertThat(jdbc.queryForObject("select count(*) from document where txid = ?", Integer.class, txid))
                .isZero();
        // a credit note is issued by whoever executes its credit entry: also the APPROVER of a four-eyes request
        assertThat(users.as(
                        "approver@mueller.example",
                        () -> inTransaction(
                                mueller,
                                () -> issuer.issueCreditNote(
                                        txid, List.of(new DocumentLine("Kulanz", 1, new BigDecimal("19"), 500))))))
                .hasValueSatisfying(note -> assertThat(note.type()).isEqualTo(DocumentType.CREDIT_NOTE));
        assertThatThrownBy(() -> users.as(
                        "support@mueller.example",
                        () -> inTransaction(
                                mueller,
                                () -> issuer.issueCreditNote(
                                        txid, List.of(new DocumentLine("Kulanz", 1, new BigDecimal("19"), 500))))))
                .isInstanceOf(AccessDeniedException.class);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static String textOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
