package com.kontor.accounting;

import static com.kontor.dunning.DunningFixtures.letters;

import com.kontor.audit.Actor;
import com.kontor.debtor.DebtorService;
import com.kontor.debtor.MasterData;
import com.kontor.ledger.BookingSource;
import com.kontor.ledger.Ledger;
import com.kontor.ledger.LockedProcess;
import com.kontor.ledger.NewProcess;
import com.kontor.ledger.Opening;
import com.kontor.ledger.PaymentMethod;
import com.kontor.ledger.ProcessType;
import com.kontor.money.Money;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.TenancyScope;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Debtors and processes with money bookings in one partition, made through the real debtor service and ledger. */
public record PaymentsFixtures(
        Partition partition, Ledger ledger, DebtorService debtors, JdbcTemplate jdbc, PlatformTransactionManager tx) {

    public <T> T inTransaction(Supplier<T> work) {
        return TenancyScope.inPartition(partition, () -> new TransactionTemplate(tx).execute(status -> work.get()));
    }

    /** A consumer debtor; answers its id. */
    public long debtor(String lastName) {
        String customerId = "PAY-" + letters();
        return inTransaction(() -> debtors.create(
                        customerId,
                        new MasterData(
                                null,
                                null,
                                "Paula",
                                lastName,
                                null,
                                "Hauptstra\u00dfe 5",
                                null,
                                "80331",
                                "M\u00fcnchen",
                                "DE",
                                "paula-" + letters() + "@payments.example",
                                null,
                                null,
                                "de",
                                null),
                        Actor.system("payments test"))
                .id());
    }

    public long debtorNumber(long debtorId) {
        return jdbc.queryForObject("select debtor_number from debtor where id = ?", Long.class, debtorId);
    }

    /** A process of {@code method} opened as {@code opening} with provider SIMULATOR and reference "ref-<txid>". */
    public long process(long debtorId, PaymentMethod method, long amount, Opening opening) {
        String customerId = jdbc.queryForObject("select customer_id from debtor where id = ?", String.class, debtorId);
        long portal = jdbc.queryForObject(
                "select id from portal where merchant_id = ? order by id limit 1", Long.class, partition.merchantId());
        return inTransaction(() -> {
            long txid = ledger.nextTxid();
            ledger.open(
                    new NewProcess(
                            txid,
                            portal,
                            debtorId,
                            customerId,
                            "ORDER-" + letters(),
                            ProcessType.AUTHORIZATION,
                            method,
                            Money.of(amount, "EUR"),
                            Instant.now(),
                            null,
                            null,
                            null,
                            null,
                            method.isOpenItem() ? null : "SIMULATOR",
                            method.isOpenItem() ? null : "ref-" + txid,
                            null),
                    opening,
                    BookingSource.API);
            return txid;
        });
    }

    /** Books an event on a process (payment, refund, chargeback, ...). */
    public void then(long txid, Consumer<LockedProcess> event) {
        inTransaction(() -> {
            event.accept(ledger.lock(txid, BookingSource.PROVIDER).orElseThrow());
            return null;
        });
    }
}
