package com.kontor.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kontor.db.SequenceBlocks;
import com.kontor.money.Money;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.PlatformAdministration;
import com.kontor.tenancy.TenancyScope;
import com.kontor.testsupport.TestMerchant;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger module on its own (with tenancy, audit, money and db, which it declares) against MariaDB: its one write
 * door creates processes and books their events, the stored summary stays the sum of the bookings, and the ledger's
 * events reach listeners after commit, never from a transaction that rolled back.
 */
@Tag("module")
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
class LedgerModuleTest {

    /** Collects what the ledger published, as a listener in another module would see it: after commit only. */
    static class CommittedEvents {

        final List<Object> events = new CopyOnWriteArrayList<>();

        @TransactionalEventListener
        void booked(PaymentBooked event) {
            events.add(event);
        }

        @TransactionalEventListener
        void statusChanged(ProcessStatusChanged event) {
            events.add(event);
        }

        @TransactionalEventListener
        void overdue(ReceivableOverdue event) {
            events.add(event);
        }

        <T> List<T> of(Class<T> type, long txid) {
            return events.stream()
                    .filter(type::isInstance)
                    .map(type::cast)
                    .filter(e -> txidOf(e) == txid)
                    .toList();
        }

        private static long txidOf(Object event) {
            return switch (event) {
                case PaymentBooked b -> b.txid();
                case ProcessStatusChanged s -> s.txid();
                case ReceivableOverdue o -> o.txid();
                default -> -1;
            };
        }
    }

    @TestConfiguration
    static class Listening {
        @Bean
        CommittedEvents committedEvents() {
            return new CommittedEvents();
        }
    }

    @Autowired
    Ledger ledger;

    @Autowired
    LedgerQueries queries;

    @Autowired
    CommittedEvents committed;

    @Autowired
    PlatformAdministration platform;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    private TestMerchant merchant;
    private long debtorId;

    @BeforeEach
    void aMerchantWithADebtor() {
        merchant = TestMerchant.create(platform, jdbc, null);
        // the debtor belongs to another module: plain rows, as that module would have written them
        debtorId = SequenceBlocks.reserve(jdbc, "debtor_seq", 1);
        jdbc.update(
                "insert into debtor (id, partition_key, debtor_number, customer_id, last_name, created_at)"
                        + " values (?, ?, nextval(debtor_number_seq), ?, 'Ledger', ?)",
                debtorId,
                merchant.test().key(),
                "L-" + debtorId,
                Timestamp.from(Instant.now()));
    }

    private <T> T inTransaction(Supplier<T> work) {
        return TenancyScope.inPartition(
                merchant.test(), () -> new TransactionTemplate(transactionManager).execute(status -> work.get()));
    }

    private NewProcess invoice(long txid, long amount) {
        return new NewProcess(
                txid,
                merchant.portalId(),
                debtorId,
                "L-" + debtorId,
                "ORD-" + txid,
                ProcessType.AUTHORIZATION,
                PaymentMethod.INVOICE,
                Money.of(amount, "EUR"),
                Instant.now(),
                LocalDate.now().plusDays(14),
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private long open(long amount) {
        return inTransaction(
                () -> ledger.open(invoice(ledger.nextTxid(), amount), new Opening.Opened(null), BookingSource.API)
                        .txid());
    }

    @Test
    void aNewInvoiceIsWrittenWithItsReceivableAndItsEventsArriveAfterCommit() {
        long txid = open(4999);

        ProcessDetails stored = TenancyScope.inPartition(merchant.test(), () -> queries.byTxid(txid))
                .orElseThrow();
        assertThat(stored.status()).isEqualTo(ProcessStatus.OPEN);
        assertThat(stored.amounts().receivable()).isEqualTo(Money.of(4999, "EUR"));
        assertThat(stored.bookings()).singleElement().satisfies(b -> {
            assertThat(b.type()).isEqualTo(BookingType.RECEIVABLE);
            assertThat(b.debit()).isEqualTo(Money.of(4999, "EUR"));
        });
        assertThat(committed.of(ProcessStatusChanged.class, txid))
                .containsExactly(new ProcessStatusChanged(merchant.test(), txid, debtorId, null, ProcessStatus.OPEN));
        assertThat(committed.of(PaymentBooked.class, txid)).singleElement().satisfies(e -> {
            assertThat(e.partition()).isEqualTo(merchant.test());
            assertThat(e.bookings())
                    .extracting(ProcessDetails.BookingLine::id)
                    .containsExactly(stored.bookings().getFirst().id());
        });
    }

    @Test
    void whatARolledBackTransactionBookedIsNeitherWrittenNorAnnounced() {
        long txid = TenancyScope.inPartition(
                merchant.test(),
                () -> new TransactionTemplate(transactionManager).execute(status -> {
                    long drawn = ledger.nextTxid();
                    ledger.open(invoice(drawn, 1000), new Opening.Opened(null), BookingSource.API);
                    status.setRollbackOnly();
                    return drawn;
                }));

        assertThat(jdbc.queryForObject("select count(*) from payment_process where txid = ?", Long.class, txid))
                .isZero();
        assertThat(committed.of(Object.class, txid)).isEmpty();
    }

    @Test
    void creditTransferAndDerecognitionBookThroughTheLockedProcess() {
        long overpaid = open(10_000);
        long open = open(5_000);
        inTransaction(() ->
                ledger.lock(overpaid, BookingSource.NOTIFICATION).orElseThrow().paymentReceived(13_000, "bank-1"));

        List<ProcessDetails.BookingLine> transfer =
                inTransaction(() -> ledger.transfer(overpaid, open, 2_000, BookingSource.USER));
        assertThat(transfer).extracting(b -> b.credit().minor()).containsExactly(-2_000L, 2_000L);
        inTransaction(
                () -> ledger.lock(open, BookingSource.USER).orElseThrow().credited(1_000, ReceivableType.RETURNS));
        inTransaction(() -> ledger.lock(open, BookingSource.USER).orElseThrow().derecognised());

        Map<Long, ProcessDetails> after = TenancyScope.inPartition(
                merchant.test(),
                () -> Map.of(
                        overpaid, queries.byTxid(overpaid).orElseThrow(),
                        open, queries.byTxid(open).orElseThrow()));
        assertThat(after.get(overpaid).amounts().balance()).isEqualTo(Money.of(-1_000, "EUR"));
        assertThat(after.get(open).amounts().balance()).isEqualTo(Money.of(0, "EUR"));
        assertThat(after.get(open).status()).isEqualTo(ProcessStatus.OK);
        assertThat(after.get(open).bookings())
                .extracting(ProcessDetails.BookingLine::type)
                .containsExactly(
                        BookingType.RECEIVABLE,
                        BookingType.TRANSFER,
                        BookingType.CREDIT_ENTRY,
                        BookingType.DERECOGNITION);
        assertThat(jdbc.queryForList("""
                select p.txid from payment_process p
                left join (select txid, sum(debit) d, sum(credit) c from booking group by txid) b on b.txid = p.txid
                where p.txid in (?, ?) and (p.receivable <> coalesce(b.d, 0) or p.paid <> coalesce(b.c, 0))""", Long.class, overpaid, open)).isEmpty();
        assertThat(committed.of(ProcessStatusChanged.class, open))
                .extracting(ProcessStatusChanged::to)
                .containsExactly(ProcessStatus.OPEN, ProcessStatus.OK);
    }

    @Test
    void aChargebackMakesTheReceivableOverdueAtOnce() {
        long txid = open(2_500);
        inTransaction(() ->
                ledger.lock(txid, BookingSource.NOTIFICATION).orElseThrow().paymentReceived(2_500, "bank-2"));
        inTransaction(() ->
                ledger.lock(txid, BookingSource.NOTIFICATION).orElseThrow().chargeback(2_500, 0, "rcl-1"));

        assertThat(committed.of(ReceivableOverdue.class, txid))
                .containsExactly(new ReceivableOverdue(
                        merchant.test(), txid, debtorId, Money.of(2_500, "EUR"), ReceivableOverdue.Cause.CHARGEBACK));
    }

    @Test
    void theLedgerWritesOnlyInsideTheCallersTransactionAndPartition() {
        long txid = open(700);
        assertThatThrownBy(() -> TenancyScope.inPartition(merchant.test(), () -> ledger.lock(txid, BookingSource.USER)))
                .isInstanceOf(IllegalTransactionStateException.class);
        Partition other = merchant.live();
        Optional<LockedProcess> inOtherMode = TenancyScope.inPartition(
                other,
                () -> new TransactionTemplate(transactionManager)
                        .execute(status -> ledger.lock(txid, BookingSource.USER)));
        assertThat(inOtherMode)
                .as("the same process in the other mode does not exist")
                .isEmpty();
    }
}
