package com.kontor.dunning;

import com.kontor.audit.Actor;
import com.kontor.debtor.DebtorService;
import com.kontor.debtor.MasterData;
import com.kontor.ledger.BookingSource;
import com.kontor.ledger.Ledger;
import com.kontor.ledger.NewProcess;
import com.kontor.ledger.Opening;
import com.kontor.ledger.PaymentMethod;
import com.kontor.ledger.ProcessType;
import com.kontor.money.Money;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.TenancyScope;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Debtors, invoices and a procedure of a test merchant's partition for the dunning tests. */
public record DunningFixtures(
        Partition partition,
        Ledger ledger,
        DebtorService debtors,
        JdbcTemplate jdbc,
        PlatformTransactionManager transactions) {

    /** Three levels (7, 14, 14 days; fees 0, 5.00, 10.00), debt collection 14 days later, tolerance 5.00. */
    public static DunningProcedure procedure(boolean releaseByFinance, boolean interest) {
        Map<String, LevelTexts> texts = Map.of(
                "de",
                new LevelTexts(
                        "Sehr geehrte Damen und Herren, bitte zahlen Sie {openAmount} bis {payBy}.",
                        "Zahlungserinnerung {reference}",
                        "Bitte zahlen Sie {total}."),
                "en",
                new LevelTexts(
                        "Dear customer, please pay {openAmount} by {payBy}.",
                        "Payment reminder {reference}",
                        "Please pay {total}."));
        return new DunningProcedure(
                List.of(
                        new DunningLevelRule(1, 7, 0, DunningChannel.EMAIL, texts),
                        new DunningLevelRule(2, 14, 500, DunningChannel.BOTH, texts),
                        new DunningLevelRule(3, 14, 1000, DunningChannel.POST, texts)),
                true,
                14,
                500,
                releaseByFinance,
                new InterestRules(interest, interest, interest, 127, 500, 900, 4000),
                "EUR");
    }

    public <T> T inTransaction(Supplier<T> work) {
        return TenancyScope.inPartition(
                partition, () -> new TransactionTemplate(transactions).execute(status -> work.get()));
    }

    public long consumer(String email) {
        return debtor(new MasterData(
                null,
                null,
                "Lena",
                "Dunning",
                null,
                "Hauptstraße 5",
                null,
                "80331",
                "München",
                "DE",
                email,
                null,
                null,
                "de",
                null));
    }

    public long business(String email) {
        return debtor(new MasterData(
                null,
                null,
                "Max",
                "Firma",
                "Firma Dunning GmbH",
                "Ring 1",
                null,
                "10115",
                "Berlin",
                "DE",
                email,
                null,
                null,
                "en",
                null));
    }

    private long debtor(MasterData data) {
        String customerId = "DUN-" + UUID.randomUUID().toString().substring(0, 8);
        return inTransaction(() ->
                debtors.create(customerId, data, Actor.system("dunning test")).id());
    }

    /** An open invoice of {@code amount} cents due on {@code due}. */
    public long invoice(long debtorId, long amount, LocalDate due) {
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
                            PaymentMethod.INVOICE,
                            Money.of(amount, "EUR"),
                            due.minusDays(14)
                                    .atStartOfDay(java.time.ZoneOffset.UTC)
                                    .toInstant(),
                            due,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null),
                    new Opening.Opened(null),
                    BookingSource.API);
            return txid;
        });
    }

    /** Eight random letters: a reference without digits (digits could look like a card number to the API). */
    public static String letters() {
        return UUID.randomUUID()
                .toString()
                .substring(0, 8)
                .chars()
                .mapToObj(c -> String.valueOf((char) (Character.isDigit(c) ? 'g' + (c - '0') : c)))
                .collect(java.util.stream.Collectors.joining());
    }

    public void pay(long txid, long amount) {
        inTransaction(() -> ledger.lock(txid, BookingSource.PROVIDER)
                .orElseThrow()
                .paymentReceived(amount, "in-" + UUID.randomUUID()));
    }

    /** A process that reached {@code level} before (older data, or an earlier run) and is next due on {@code next}. */
    public void reached(long txid, int level, LocalDate next) {
        jdbc.update(
                "update payment_process set reminder_level = ?, dunning_status = ? where txid = ?",
                level,
                "LEVEL_" + level,
                txid);
        jdbc.update(
                "insert into dunning_state (txid, partition_key, next_notice_on, updated_at) values (?, ?, ?, ?)",
                txid,
                partition.key(),
                java.sql.Date.valueOf(next),
                java.sql.Timestamp.from(Instant.now()));
    }

    public long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }
}
