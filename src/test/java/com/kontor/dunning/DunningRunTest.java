package com.kontor.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.debtor.DebtorService;
import com.kontor.dunning.internal.DunningSteps;
import com.kontor.ledger.Ledger;
import com.kontor.tenancy.PlatformAdministration;
import com.kontor.tenancy.SystemScope;
import com.kontor.tenancy.TenancyScope;
import com.kontor.testsupport.IntegrationTest;
import com.kontor.testsupport.TestMerchant;
import com.kontor.testsupport.TestUsers;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * DUN-2, DUN-3, DUN-7 against real MariaDB, on a fixed day: the run over a merchant's invoices proposes exactly the
 * levels that are due, respects the tolerance and blocks, books fees and interest once, and neither two runs at once
 * nor a crash and a re-run dun anybody twice.
 */
@IntegrationTest
public class DunningRunTest {

    /** The fixed day the run runs on. */
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    @Autowired
    DunningRuns runs;

    @Autowired
    DunningSteps steps;

    @Autowired
    DunningBlocks blocks;

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

    /** The fixtures of this package for a browser test. */
    public static DunningFixtures fixtures(
            com.kontor.tenancy.Partition partition,
            Ledger ledger,
            DebtorService debtors,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions) {
        return new DunningFixtures(partition, ledger, debtors, jdbc, transactions);
    }

    TestMerchant merchant;
    DunningFixtures f;
    String admin;

    @BeforeEach
    void aMerchantOfItsOwn() {
        merchant = TestMerchant.create(platform, jdbc, null);
        f = new DunningFixtures(merchant.test(), ledger, debtors, jdbc, transactions);
        admin = jdbc.queryForObject("select email from app_user where merchant_id = ?", String.class, merchant.id());
    }

    private Map<Long, Integer> proposed() {
        return jdbc
                .queryForList(
                        "select txid, level from dunning_notice where partition_key = ? and status = 'PROPOSED'",
                        merchant.test().key())
                .stream()
                .collect(Collectors.toMap(
                        r -> ((Number) r.get("txid")).longValue(), r -> ((Number) r.get("level")).intValue()));
    }

    @Test
    void theRunProposesExactlyTheLevelsThatAreDue() {
        long consumer = f.consumer("lena@dunning.example");
        long blockedDebtor = f.consumer("blocked@dunning.example");
        long firstDue = f.invoice(consumer, 12_000, TODAY.minusDays(9)); // 9 days overdue, level 1 after 7
        long notYet = f.invoice(consumer, 12_000, TODAY.minusDays(4)); // 4 days: not yet
        long belowTolerance = f.invoice(consumer, 12_000, TODAY.minusDays(30));
        f.pay(belowTolerance, 11_600); // 4.00 open, tolerance 5.00
        long paid = f.invoice(consumer, 5_000, TODAY.minusDays(30));
        f.pay(paid, 5_000);
        long secondDue = f.invoice(consumer, 8_000, TODAY.minusDays(40));
        f.reached(secondDue, 1, TODAY.minusDays(1));
        long secondLater = f.invoice(consumer, 8_000, TODAY.minusDays(40));
        f.reached(secondLater, 1, TODAY.plusDays(3));
        long collection = f.invoice(consumer, 9_900, TODAY.minusDays(90));
        f.reached(collection, 3, TODAY);
        long processBlocked = f.invoice(consumer, 7_000, TODAY.minusDays(20));
        long debtorBlocked = f.invoice(blockedDebtor, 7_000, TODAY.minusDays(20));
        long blockEnded = f.invoice(consumer, 7_000, TODAY.minusDays(20));
        TestUsers.as(
                new TestUsers(jdbc).principal(admin),
                () -> TenancyScope.inPartition(merchant.test(), () -> {
                    blocks.blockProcess(processBlocked, "Customer disputes the delivery", null);
                    blocks.blockDebtor(
                            blockedDebtor,
                            "Insolvency proceedings",
                            LocalDate.now().plusDays(30));
                    return blocks.blockProcess(
                            blockEnded,
                            "Paid by cheque, waiting",
                            LocalDate.now().plusDays(1));
                }));
        // the block of blockEnded ends tomorrow of the real clock; the run runs on TODAY, long before: still blocked
        Optional<DunningRuns.RunProgress> run =
                runs.run(merchant.test(), DunningFixtures.procedure(true, false), TODAY, "test");

        assertThat(proposed()).containsExactlyInAnyOrderEntriesOf(Map.of(firstDue, 1, secondDue, 2, collection, 5));
        assertThat(run).hasValueSatisfying(r -> {
            assertThat(r.status()).isEqualTo("DONE");
            assertThat(r.due()).isEqualTo(3);
            assertThat(r.proposed()).isEqualTo(3);
        });
        assertThat(jdbc.queryForObject(
                        "select reminder_level from payment_process where txid = ?", Integer.class, firstDue))
                .as("a proposal changes nothing until it is released")
                .isZero();
        assertThat(List.of(notYet, belowTolerance, paid, secondLater, processBlocked, debtorBlocked, blockEnded))
                .doesNotContainAnyElementsOf(proposed().keySet());

        // a second run the same day proposes nothing more: the proposals wait for release
        runs.run(merchant.test(), DunningFixtures.procedure(true, false), TODAY, "test");
        assertThat(f.count(
                        "select count(*) from dunning_notice where partition_key = ?",
                        merchant.test().key()))
                .isEqualTo(3);
        // a process paid before the next run: its proposal is dropped, not executed
        f.pay(firstDue, 12_000);
        runs.run(merchant.test(), DunningFixtures.procedure(true, false), TODAY.plusDays(1), "test");
        assertThat(jdbc.queryForObject("select status from dunning_notice where txid = ?", String.class, firstDue))
                .isEqualTo("DISCARDED");
        // once its block has ended, a process is dunned again; a lasting block and the debtor's block still hold
        runs.run(
                merchant.test(),
                DunningFixtures.procedure(true, false),
                LocalDate.now().plusDays(2),
                "test");
        assertThat(proposed()).containsEntry(blockEnded, 1).doesNotContainKeys(processBlocked, paid);
    }

    @Test
    void sentAtOnceTheStepBooksTheFeeTheFlatFeeAndInterestOnceAndMovesTheLevel() {
        long business = f.business("accounts@firma.example");
        long txid = f.invoice(business, 100_000, TODAY.minusDays(73));
        f.reached(txid, 1, TODAY);

        runs.run(merchant.test(), DunningFixtures.procedure(false, true), TODAY, "test");

        Map<String, Object> process = jdbc.queryForMap(
                "select reminder_level, dunning_status, receivable, status from payment_process where txid = ?", txid);
        assertThat(process).containsEntry("reminder_level", 2).containsEntry("dunning_status", "LEVEL_2");
        // 1,000.00 at 1.27 + 9 = 10.27 % for 73 days: 1000 × 0.1027 × 73 / 365 = 20.54
        List<Map<String, Object>> fees = jdbc.queryForList(
                "select receivable_type, debit from booking where txid = ? and booking_type = 'FEE' order by id", txid);
        assertThat(fees)
                .extracting(r -> r.get("receivable_type") + " " + r.get("debit"))
                .containsExactly("DUNNING_FEE 500", "DUNNING_FEE 4000", "PENALTY_INTEREST 2054");
        assertThat(((Number) process.get("receivable")).longValue()).isEqualTo(100_000 + 500 + 4000 + 2054);
        assertThat(jdbc.queryForObject(
                        "select next_notice_on from dunning_state where txid = ?", LocalDate.class, txid))
                .as("level 3 is due 14 days after level 2")
                .isEqualTo(TODAY.plusDays(14));
        assertThat(jdbc.queryForMap(
                        "select status, fee, flat_fee, interest, receivable, balance from dunning_notice where txid = ?",
                        txid))
                .containsEntry("status", "SENT")
                .containsEntry("fee", 500L)
                .containsEntry("flat_fee", 4000L)
                .containsEntry("interest", 2054L)
                .containsEntry("receivable", 100_000L)
                .containsEntry("balance", 106_554L);
        assertThat(f.count("select count(*) from audit_event where txid = ? and event_type = 'DUNNING_STEP'", txid))
                .isOne();

        // level 3 fourteen days later: its fee, interest only for the 14 new days, no second flat fee
        runs.run(merchant.test(), DunningFixtures.procedure(false, true), TODAY.plusDays(14), "test");
        assertThat(jdbc.queryForList(
                        "select debit from booking where txid = ? and booking_type = 'FEE' order by id",
                        Long.class,
                        txid))
                .containsExactly(500L, 4000L, 2054L, 1000L, 394L); // 1000 × 0.1027 × 87 / 365 = 24.48, less 20.54
    }

    @Test
    void twoRunsAtOnceDunNobodyTwice() throws Exception {
        long consumer = f.consumer("twice@dunning.example");
        List<Long> due = java.util.stream.IntStream.range(0, 30)
                .mapToObj(i -> f.invoice(consumer, 10_000 + i, TODAY.minusDays(20)))
                .toList();
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Optional<DunningRuns.RunProgress>>> both = List.of(1, 2).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return runs.run(merchant.test(), DunningFixtures.procedure(false, false), TODAY, "test " + i);
                }))
                .toList();
        for (CompletableFuture<Optional<DunningRuns.RunProgress>> run : both) {
            run.get();
        }

        for (long txid : due) {
            assertThat(f.count("select count(*) from dunning_notice where txid = ?", txid))
                    .as("process %d dunned once", txid)
                    .isOne();
        }
        assertThat(f.count(
                        "select count(*) from dunning_notice where partition_key = ? and status = 'SENT'",
                        merchant.test().key()))
                .isEqualTo(30);
    }

    @Test
    void aRunThatCrashedHalfWayIsRunAgainAndDunsNobodyTwice() {
        long consumer = f.consumer("crash@dunning.example");
        List<Long> due = java.util.stream.IntStream.range(0, 10)
                .mapToObj(i -> f.invoice(consumer, 20_000 + i, TODAY.minusDays(40)))
                .toList();
        f.jdbc()
                .update("update payment_process set reminder_level = 1, dunning_status = 'LEVEL_1' where txid in ("
                        + due.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")");
        DunningProcedure procedure = DunningFixtures.procedure(false, false);
        // the crashed run: its first five steps committed, the sixth died inside its transaction
        for (long txid : due.subList(0, 5)) {
            step(procedure, txid, false);
        }
        step(procedure, due.get(5), true);
        assertThat(f.count("select count(*) from dunning_notice where txid = ?", due.get(5)))
                .as("a step that died left nothing")
                .isZero();
        assertThat(f.count("select count(*) from booking where txid = ? and booking_type = 'FEE'", due.get(5)))
                .isZero();

        runs.run(merchant.test(), procedure, TODAY, "re-run");

        for (long txid : due) {
            assertThat(f.count("select count(*) from dunning_notice where txid = ? and level = 2", txid))
                    .isOne();
            assertThat(f.count("select count(*) from booking where txid = ? and booking_type = 'FEE'", txid))
                    .as("one fee of level 2 for %d", txid)
                    .isOne();
        }
    }

    private void step(DunningProcedure procedure, long txid, boolean crash) {
        try {
            SystemScope.run(
                    "crashed run",
                    () -> TenancyScope.inPartition(
                            merchant.test(),
                            () -> new TransactionTemplate(transactions).execute(status -> {
                                steps.execute(
                                        merchant.test(),
                                        procedure,
                                        new DunningSteps.Request(txid, 2, true, null, null, true),
                                        TODAY);
                                if (crash) {
                                    throw new IllegalStateException("the server died here");
                                }
                                return null;
                            })));
        } catch (IllegalStateException expected) {
            assertThat(crash).isTrue();
        }
    }
}
