package com.kontor.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kontor.debtor.DebtorService;
import com.kontor.ledger.Ledger;
import com.kontor.ledger.Opening;
import com.kontor.ledger.PaymentMethod;
import com.kontor.ledger.ProcessStatus;
import com.kontor.ledger.ReceivableType;
import com.kontor.money.Money;
import com.kontor.tenancy.KontorUser;
import com.kontor.tenancy.OperationRefused;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.PlatformAdministration;
import com.kontor.tenancy.Role;
import com.kontor.tenancy.TenancyScope;
import com.kontor.testsupport.IntegrationTest;
import com.kontor.testsupport.TestMerchant;
import com.kontor.testsupport.TestUsers;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * TX-7 against real MariaDB: the payments list of a merchant of its own shows exactly the money bookings of its
 * partition (never the invoice's receivable, never its live mode or another merchant), newest first, filtered, paged by
 * key across page boundaries, summed per currency, and exported as CSV with the audit export's safety.
 */
@IntegrationTest
class PaymentsListTest {

    @Autowired
    PaymentsList payments;

    @Autowired
    PaymentsCsv csv;

    @Autowired
    Ledger ledger;

    @Autowired
    DebtorService debtors;

    @Autowired
    PlatformAdministration platform;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    TestMerchant merchant;
    PaymentsFixtures f;
    KontorUser admin;
    long sale;
    long chargedBack;
    long debit;
    long invoice;
    long liveSale;
    long otherMerchantSale;
    PaymentFilter today;

    @BeforeEach
    void bookingsOfEveryKind() {
        merchant = TestMerchant.create(platform, jdbc, null);
        f = new PaymentsFixtures(merchant.test(), ledger, debtors, jdbc, transactions);
        admin = new TestUsers(jdbc)
                .principal(jdbc.queryForObject(
                        "select email from app_user where merchant_id = ?", String.class, merchant.id()));
        long paula = f.debtor("Payments");
        sale = f.process(paula, PaymentMethod.CARD, 10_000, new Opening.Authorised("psp-sale"));
        f.then(sale, p -> p.refunded(2_500, "psp-refund"));
        chargedBack = f.process(paula, PaymentMethod.CARD, 4_000, new Opening.Authorised(null));
        f.then(chargedBack, p -> p.chargeback(4_000, 1_500, "psp-chargeback"));
        debit = f.process(paula, PaymentMethod.DIRECT_DEBIT, 3_000, new Opening.Opened(null));
        f.then(debit, p -> p.paymentReceived(3_000, "psp-debit"));
        f.then(debit, p -> p.chargeback(3_000, 0, "psp-return"));
        invoice = f.process(paula, PaymentMethod.INVOICE, 5_000, new Opening.Opened(null));

        PaymentsFixtures live = new PaymentsFixtures(merchant.live(), ledger, debtors, jdbc, transactions);
        liveSale = live.process(live.debtor("Live"), PaymentMethod.CARD, 7_777, new Opening.Authorised("psp-live"));
        TestMerchant other = TestMerchant.create(platform, jdbc, null);
        PaymentsFixtures elsewhere = new PaymentsFixtures(other.test(), ledger, debtors, jdbc, transactions);
        otherMerchantSale = elsewhere.process(
                elsewhere.debtor("Elsewhere"), PaymentMethod.CARD, 8_888, new Opening.Authorised("psp-other"));

        LocalDate day = LocalDate.now(ZoneId.of("Europe/Berlin"));
        today = new PaymentFilter(day.minusDays(1), day.plusDays(1), null, null, null, null, null, null, null);
    }

    private <T> T asAdmin(Partition partition, Supplier<T> work) {
        return TestUsers.as(admin, () -> TenancyScope.inPartition(partition, work));
    }

    private List<PaymentRow> all(PaymentFilter filter) {
        return asAdmin(merchant.test(), () -> payments.page(filter, null, 100).rows());
    }

    @Test
    void listsTheMoneyBookingsOfItsPartitionOnlyNewestFirstFilteredPagedAndSummed() {
        List<PaymentRow> rows = all(today);
        assertThat(rows)
                .extracting(PaymentRow::kind)
                .containsExactly(
                        PaymentKind.RETURNED_DEBIT,
                        PaymentKind.PAYMENT,
                        PaymentKind.FEE,
                        PaymentKind.CHARGEBACK,
                        PaymentKind.PAYMENT,
                        PaymentKind.REFUND,
                        PaymentKind.PAYMENT);
        assertThat(rows)
                .extracting(r -> r.amount().minor())
                .containsExactly(-3_000L, 3_000L, 1_500L, -4_000L, 4_000L, -2_500L, 10_000L);
        assertThat(rows).extracting(PaymentRow::txid).doesNotContain(invoice, liveSale, otherMerchantSale);
        PaymentRow fee = rows.get(2);
        assertThat(fee.receivableType()).isEqualTo(ReceivableType.CHARGEBACK_FEE);
        assertThat(fee.status()).isEqualTo(ProcessStatus.OPEN);
        // the provider's transaction of the booking, else the process's reference
        assertThat(rows.get(4).providerTxn()).isEqualTo("ref-" + chargedBack);
        assertThat(rows.get(5).providerTxn()).isEqualTo("psp-refund");
        assertThat(rows.get(6).debtorName()).isEqualTo("Paula Payments");
        assertThat(rows.get(6).provider()).isEqualTo("SIMULATOR");
        assertThat(rows.get(6).portal()).isEqualTo("Shop");
        assertThat(rows.get(6).debtorNumber()).isNotNull();

        // keyset pages of three across the boundaries: the same rows, once each
        List<PaymentRow> paged = new ArrayList<>();
        PaymentCursor after = null;
        List<Boolean> more = new ArrayList<>();
        do {
            PaymentCursor from = after;
            PaymentPage page = asAdmin(merchant.test(), () -> payments.page(today, from, 3));
            paged.addAll(page.rows());
            more.add(page.more());
            after = page.more() ? page.next() : null;
        } while (after != null);
        assertThat(more).containsExactly(true, true, false);
        assertThat(paged).isEqualTo(rows);

        // filters
        assertThat(all(today.withKinds(Set.of(PaymentKind.RETURNED_DEBIT))))
                .extracting(PaymentRow::txid)
                .containsExactly(debit);
        assertThat(all(today.withKinds(Set.of(PaymentKind.CHARGEBACK, PaymentKind.FEE))))
                .extracting(PaymentRow::kind)
                .containsExactly(PaymentKind.FEE, PaymentKind.CHARGEBACK);
        assertThat(all(today.withKinds(Set.of(PaymentKind.CHARGEBACK, PaymentKind.RETURNED_DEBIT))))
                .extracting(PaymentRow::txid)
                .containsExactly(debit, chargedBack);
        assertThat(all(today.withAmounts(2_500L, 3_000L)))
                .extracting(r -> r.amount().minor())
                .containsExactly(-3_000L, 3_000L, -2_500L);
        assertThat(all(new PaymentFilter(
                        today.from(),
                        today.to(),
                        null,
                        null,
                        PaymentMethod.CARD,
                        null,
                        null,
                        null,
                        ProcessStatus.OPEN)))
                .extracting(PaymentRow::txid)
                .containsOnly(chargedBack)
                .hasSize(3);
        assertThat(all(new PaymentFilter(
                        today.from(), today.to(), merchant.portalId(), "PAYONE", null, null, null, null, null)))
                .isEmpty();
        LocalDate tomorrow = today.to();
        assertThat(all(new PaymentFilter(
                        tomorrow.plusDays(1), tomorrow.plusDays(2), null, null, null, null, null, null, null)))
                .isEmpty();

        // sums per currency: money in, money out, net; fees on their own
        List<PaymentsList.SumRow> sums = asAdmin(merchant.test(), () -> payments.sums(today));
        assertThat(sums).hasSize(1);
        PaymentSum eur = sums.getFirst().sum();
        assertThat(eur.count()).isEqualTo(7);
        assertThat(eur.moneyIn()).isEqualTo(Money.of(17_000, "EUR"));
        assertThat(eur.moneyOut()).isEqualTo(Money.of(-9_500, "EUR"));
        assertThat(eur.net()).isEqualTo(Money.of(7_500, "EUR"));
        assertThat(eur.fees()).isEqualTo(Money.of(1_500, "EUR"));
        assertThat(asAdmin(merchant.test(), () -> payments.sums(today.withKinds(EnumSet.of(PaymentKind.REFUND))))
                        .getFirst()
                        .sum()
                        .net())
                .isEqualTo(Money.of(-2_500, "EUR"));

        // the live mode of the same merchant sees only its own sale
        assertThat(asAdmin(
                        merchant.live(), () -> payments.page(today, null, 100).rows()))
                .extracting(PaymentRow::txid)
                .containsExactly(liveSale);
    }

    @Test
    void exportsExactlyTheFilteredRowsSafelyAndAuditsIt() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written = asAdmin(merchant.test(), () -> csv.write(today, Locale.GERMANY, out));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(written).isEqualTo(7);
        assertThat(text).startsWith("\uFEFF");
        List<String> lines = text.substring(1).lines().toList();
        assertThat(lines).hasSize(8);
        assertThat(lines.getFirst()).startsWith("Gebucht;TXID;Debitorennummer;");
        assertThat(lines.get(1)).contains(";" + debit + ";").contains(";RETURNED_DEBIT;;-30,00;EUR;OPEN");
        assertThat(lines.get(3)).contains(";FEE;CHARGEBACK_FEE;15,00;EUR;");
        assertThat(text).doesNotContain(Long.toString(liveSale)).doesNotContain(Long.toString(otherMerchantSale));
        assertThat(jdbc.queryForObject(
                        "select details from audit_event where merchant_id = ? and event_type = 'PAYMENTS_EXPORTED'",
                        String.class,
                        merchant.id()))
                .containsPattern("\"rows\"\\s*:\\s*7")
                .contains("from=" + today.from());
    }

    @Test
    void refusesOtherRolesAndFiltersThatCannotRun() {
        KontorUser support = new KontorUser(
                admin.userId(),
                merchant.id(),
                "support@payments.example",
                "Support",
                Set.of(Role.SUPPORT),
                false,
                false,
                null);
        assertThatThrownBy(() -> TestUsers.as(
                        support, () -> TenancyScope.inPartition(merchant.test(), () -> payments.page(today, null, 10))))
                .isInstanceOf(AccessDeniedException.class);
        PaymentFilter year = new PaymentFilter(
                LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 2), null, null, null, null, null, null, null);
        assertThatThrownBy(() -> all(year))
                .isInstanceOfSatisfying(
                        OperationRefused.class, e -> assertThat(e.field()).isEqualTo("to"));
        assertThatThrownBy(() -> all(today.withAmounts(5_000L, 1_000L)))
                .isInstanceOfSatisfying(
                        OperationRefused.class, e -> assertThat(e.field()).isEqualTo("maxAmount"));
    }
}
