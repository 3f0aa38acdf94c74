package com.kontor.psp;

import static com.kontor.psp.SettlementFixtures.adyenFee;
import static com.kontor.psp.SettlementFixtures.adyenLine;
import static com.kontor.psp.SettlementFixtures.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kontor.accounting.AccountingExportFormat;
import com.kontor.accounting.AccountingExports;
import com.kontor.accounting.JournalPeriod;
import com.kontor.debtor.DebtorService;
import com.kontor.dunning.DunningFixtures;
import com.kontor.ledger.BulkProcesses;
import com.kontor.psp.settlement.SettlementInbox;
import com.kontor.tenancy.OperationRefused;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.PlatformAdministration;
import com.kontor.tenancy.SystemScope;
import com.kontor.tenancy.TenancyScope;
import com.kontor.testsupport.IntegrationTest;
import com.kontor.testsupport.TestMerchant;
import com.kontor.testsupport.TestUsers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * PSP-4 against real MariaDB: an Adyen settlement report is matched to the ledger of the importing merchant and mode
 * only (matched, amount differs, unknown, missing, fees), the same file twice changes nothing, a line settled by an
 * earlier report is not counted again, a malformed file is refused with its line and leaves nothing behind, and
 * resolving books the settled amount through the ledger without touching a booking.
 */
@IntegrationTest
class ReconciliationTest {

    @Autowired
    Reconciliation reconciliation;

    @Autowired
    SettlementFees fees;

    @Autowired
    AccountingExports accountingExports;

    @Autowired
    PlatformAdministration platform;

    @Autowired
    DebtorService debtors;

    @Autowired
    BulkProcesses bulk;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SettlementInbox inbox;

    @Autowired
    SettlementSamples samples;

    @Autowired
    ReconciliationProperties properties;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aReportIsMatchedToItsOwnPartitionOnlyAndImportedOnce() {
        TestMerchant merchant = TestMerchant.create(platform, jdbc, null);
        TestMerchant stranger = TestMerchant.create(platform, jdbc, null);
        SettlementFixtures test =
                new SettlementFixtures(merchant.test(), merchant.portalId(), debtors, bulk, transactions);
        SettlementFixtures live =
                new SettlementFixtures(merchant.live(), merchant.portalId(), debtors, bulk, transactions);
        SettlementFixtures other =
                new SettlementFixtures(stranger.test(), stranger.portalId(), debtors, bulk, transactions);
        Instant old = Instant.now().minus(Duration.ofDays(10));
        String a = "adyalpha" + DunningFixtures.letters();
        String b = "adybeta" + DunningFixtures.letters();
        String c = "adygamma" + DunningFixtures.letters();
        String d = "adydelta" + DunningFixtures.letters();
        String e = "adyother" + DunningFixtures.letters();
        String f = "adylive" + DunningFixtures.letters();
        long matched = test.cardSale(a, 1_000, old);
        long differs = test.cardSale(b, 2_000, old);
        long missing = test.cardSale(c, 3_000, old);
        test.cardSale(d, 4_000, Instant.now().minus(Duration.ofDays(1))); // too young to be missing
        other.cardSale(e, 5_000, old);
        live.cardSale(f, 500, old);
        String admin = admin(merchant);
        String file = report(
                adyenLine("Settled", a, "auth-" + a, old, "10.00", "0.25"),
                adyenLine("Settled", b, "auth-" + b, old, "21.00", "0.30"),
                adyenLine("Settled", e, "auth-" + e, old, "50.00", "0.00"),
                adyenLine("Settled", f, "auth-" + f, old, "5.00", "0.00"),
                adyenLine("Settled", "adynowhere", "auth-nowhere", old, "7.00", "0.00"),
                adyenFee(old, "1.50"));

        ImportOutcome first =
                as(admin, merchant.test(), () -> reconciliation.importReport("batch.csv", bytes(file), null));

        assertThat(first).isInstanceOfSatisfying(ImportOutcome.Imported.class, imported -> {
            assertThat(imported.provider()).isEqualTo(SettlementProvider.ADYEN);
            assertThat(imported.lines()).isEqualTo(6);
            assertThat(imported.matched()).isEqualTo(1);
            assertThat(imported.amountDiffers()).isEqualTo(1);
            assertThat(imported.unknown()).isEqualTo(3);
            assertThat(imported.fees()).isEqualTo(3);
            assertThat(imported.alreadySettled()).isZero();
            assertThat(imported.missing()).isEqualTo(1);
        });
        List<SettlementDifferenceRow> open = as(admin, merchant.test(), () -> reconciliation.differences(true, 0, 50));
        assertThat(open)
                .extracting(
                        SettlementDifferenceRow::kind,
                        SettlementDifferenceRow::reference,
                        SettlementDifferenceRow::txid,
                        SettlementDifferenceRow::expected,
                        SettlementDifferenceRow::reported)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(DifferenceKind.AMOUNT_DIFFERS, b, differs, 2_000L, 2_100L),
                        org.assertj.core.groups.Tuple.tuple(DifferenceKind.UNKNOWN, e, null, null, 5_000L),
                        org.assertj.core.groups.Tuple.tuple(DifferenceKind.UNKNOWN, f, null, null, 500L),
                        org.assertj.core.groups.Tuple.tuple(DifferenceKind.UNKNOWN, "adynowhere", null, null, 700L),
                        org.assertj.core.groups.Tuple.tuple(DifferenceKind.MISSING, c, missing, 3_000L, null));
        assertThat(jdbc.queryForObject("select outcome from settlement_line where txid = ?", String.class, matched))
                .isEqualTo("MATCHED");
        assertThat(countIn(stranger.test(), "settlement_line")
                        + countIn(merchant.live(), "settlement_line")
                        + countIn(stranger.test(), "settlement_difference")
                        + countIn(merchant.live(), "settlement_difference"))
                .isZero();
        List<SettlementFee> costs = new ArrayList<>();
        as(admin, merchant.test(), () -> {
            fees.forEach(merchant.test(), LocalDate.now().minusDays(30), LocalDate.now(), costs::add);
            return null;
        });
        assertThat(costs).extracting(SettlementFee::amount).containsExactlyInAnyOrder(25L, 30L, 150L);
        assertThat(costs).filteredOn(fee -> fee.amount() == 25L).first().satisfies(fee -> {
            assertThat(fee.txid()).isEqualTo(matched);
            assertThat(fee.provider()).isEqualTo("ADYEN");
            assertThat(fee.currency()).isEqualTo("EUR");
        });
        // the accounting export books them from the fee account (SKR03 4970) to Adyen's clearing account (1360)
        LocalDate settled = LocalDate.ofInstant(old, java.time.ZoneId.of("Europe/Berlin"));
        String journal = as(admin, merchant.test(), () -> {
            var outcome = accountingExports.export(
                    new JournalPeriod(settled.minusDays(1), settled.plusDays(1)), AccountingExportFormat.CSV);
            var out = new java.io.ByteArrayOutputStream();
            accountingExports.write(outcome.export().id(), out);
            return out.toString(StandardCharsets.UTF_8);
        });
        assertThat(journal.lines().filter(line -> line.contains("4970") && line.contains("1360")))
                .hasSize(3)
                .anySatisfy(line ->
                        assertThat(line).contains(Long.toString(matched)).containsPattern("0[,.]25"))
                .anySatisfy(line -> assertThat(line).containsPattern("1[,.]50"));

        // the same bytes again: answered with the first import, nothing changes
        Map<String, Integer> before = counts(merchant.test());
        ImportOutcome again =
                as(admin, merchant.test(), () -> reconciliation.importReport("copy.csv", bytes(file), null));
        assertThat(again).isInstanceOf(ImportOutcome.AlreadyImported.class);
        assertThat(((ImportOutcome.AlreadyImported) again).importedBy()).isEqualTo(admin);
        assertThat(counts(merchant.test())).isEqualTo(before);

        // a later report repeats a settled line and settles the missing booking: counted once, the item closes
        String later = report(
                adyenLine("Settled", a, "auth-" + a, old, "10.00", "0.25"),
                adyenLine("Settled", c, "auth-" + c, old, "30.00", "0.40"));
        ImportOutcome second =
                as(admin, merchant.test(), () -> reconciliation.importReport("later.csv", bytes(later), null));
        assertThat(second).isInstanceOfSatisfying(ImportOutcome.Imported.class, imported -> {
            assertThat(imported.matched()).isEqualTo(1);
            assertThat(imported.alreadySettled()).isEqualTo(1);
            assertThat(imported.missing()).isZero();
        });
        assertThat(as(admin, merchant.test(), () -> reconciliation.differences(true, 0, 50)))
                .extracting(SettlementDifferenceRow::kind)
                .doesNotContain(DifferenceKind.MISSING);

        // the other merchant's administrator sees nothing of it and may not import into it
        assertThatThrownBy(() -> as(admin(stranger), merchant.test(), () -> reconciliation.differences(true, 0, 50)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(as(admin(stranger), stranger.test(), () -> reconciliation.differences(true, 0, 50)))
                .isEmpty();
    }

    @Test
    void aMalformedReportIsRefusedWithItsLineAndLeavesNothing() {
        TestMerchant merchant = TestMerchant.create(platform, jdbc, null);
        String admin = admin(merchant);
        Instant at = Instant.now().minus(Duration.ofDays(5));
        Map<String, ImportOutcome.Refused> refusals = Map.of(
                "amount",
                refused(
                        admin,
                        merchant,
                        report(
                                adyenLine("Settled", "adyok", "auth-ok", at, "10.00", "0.10"),
                                adyenLine("Settled", "adybad", "auth-bad", at, "10.00", "0.10")
                                        .replace(",10.00,", ",1O.00,"))),
                "date",
                refused(
                        admin,
                        merchant,
                        report(adyenLine("Settled", "adyok", "auth-ok", at, "10.00", "0.10")
                                .replaceFirst(",\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,", ",yesterday,"))),
                "type",
                refused(admin, merchant, report(adyenLine("Settledish", "adyok", "auth-ok", at, "10.00", "0.10"))),
                "currency",
                refused(
                        admin,
                        merchant,
                        report(adyenLine("Settled", "adyok", "auth-ok", at, "10.00", "0.10")
                                .replace(",EUR,", ",euro,"))),
                "column",
                refused(
                        admin,
                        merchant,
                        report(adyenLine("Settled", "adyok", "auth-ok", at, "10.00", "0.10"))
                                .replace("Batch Number", "Batch")),
                "empty",
                refused(admin, merchant, SettlementFixtures.ADYEN_HEADER + "\n"));

        assertThat(refusals.get("amount").line()).isEqualTo(3);
        assertThat(refusals.get("amount").reasonKey()).isEqualTo("reconciliation.refused.amount");
        assertThat(refusals.get("amount").english())
                .isEqualTo("Line 3: \"1O.00\" in Gross Credit (GC) is not an amount.");
        assertThat(refusals.get("date").line()).isEqualTo(2);
        assertThat(refusals.get("date").reasonKey()).isEqualTo("reconciliation.refused.date");
        assertThat(refusals.get("type").reasonKey()).isEqualTo("reconciliation.refused.type");
        assertThat(refusals.get("currency").reasonKey()).isEqualTo("reconciliation.refused.currency");
        assertThat(refusals.get("column").line()).isEqualTo(1);
        assertThat(refusals.get("column").arguments()).containsExactly("Batch Number");
        assertThat(refusals.get("empty").reasonKey()).isEqualTo("reconciliation.refused.empty");
        assertThat(counts(merchant.test()))
                .containsOnly(
                        Map.entry("settlement_report", 0),
                        Map.entry("settlement_line", 0),
                        Map.entry("settlement_difference", 0));
    }

    @Test
    void resolvingBooksTheSettledAmountThroughTheLedgerAndIsAudited() {
        TestMerchant merchant = TestMerchant.create(platform, jdbc, null);
        SettlementFixtures test =
                new SettlementFixtures(merchant.test(), merchant.portalId(), debtors, bulk, transactions);
        Instant old = Instant.now().minus(Duration.ofDays(6));
        String ref = "adyshort" + DunningFixtures.letters();
        long txid = test.cardSale(ref, 5_000, old);
        String admin = admin(merchant);
        as(
                admin,
                merchant.test(),
                () -> reconciliation.importReport(
                        "short.csv",
                        bytes(report(adyenLine("Settled", ref, "auth-" + ref, old, "49.00", "0.50"))),
                        null));
        SettlementDifferenceRow row = as(admin, merchant.test(), () -> reconciliation.differences(true, 0, 10))
                .getFirst();
        assertThat(row.maySettleAmount()).isTrue();

        assertThatThrownBy(() -> as(admin, merchant.test(), () -> {
                    reconciliation.resolve(row.id(), row.version(), "  ", true);
                    return null;
                }))
                .isInstanceOfSatisfying(
                        OperationRefused.class,
                        refused -> assertThat(refused.field()).isEqualTo("comment"));
        int bookingsBefore = jdbc.queryForObject("select count(*) from booking where txid = ?", Integer.class, txid);

        as(admin, merchant.test(), () -> {
            reconciliation.resolve(row.id(), row.version(), "Adyen kept 1.00 as a currency fee.", true);
            return null;
        });

        Map<String, Object> process = jdbc.queryForMap(
                "select paid, collected, receivable, status,"
                        + " (select sum(credit) from booking b where b.txid = p.txid) as credits"
                        + " from payment_process p where txid = ?",
                txid);
        assertThat(((Number) process.get("paid")).longValue()).isEqualTo(4_900L);
        assertThat(((Number) process.get("credits")).longValue()).isEqualTo(4_900L);
        assertThat(((Number) process.get("collected")).longValue()).isEqualTo(4_900L);
        assertThat(process.get("status")).isEqualTo("OPEN");
        assertThat(jdbc.queryForObject("select count(*) from booking where txid = ?", Integer.class, txid))
                .isEqualTo(bookingsBefore + 1);
        assertThat(as(admin, merchant.test(), () -> reconciliation.differences(false, 0, 10)))
                .singleElement()
                .satisfies(resolved -> {
                    assertThat(resolved.bookedAmount()).isEqualTo(-100L);
                    assertThat(resolved.resolution()).isEqualTo("Adyen kept 1.00 as a currency fee.");
                    assertThat(resolved.resolvedBy()).isEqualTo(admin);
                });
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where merchant_id = ? and event_type = ?",
                        Integer.class,
                        merchant.id(),
                        "SETTLEMENT_DIFFERENCE_RESOLVED"))
                .isEqualTo(1);
        // resolving again is refused: it is no longer open
        assertThatThrownBy(() -> as(admin, merchant.test(), () -> {
                    reconciliation.resolve(row.id(), row.version(), "again", false);
                    return null;
                }))
                .isInstanceOf(OperationRefused.class);
    }

    @Test
    void theDailyJobImportsTheWatchedFolderAndSetsRefusedFilesAsideWithTheReason() throws Exception {
        TestMerchant merchant = TestMerchant.create(platform, jdbc, null);
        Path folder = properties.inbox().resolve(Long.toString(merchant.id())).resolve("test");
        Files.createDirectories(folder);
        Instant at = Instant.now().minus(Duration.ofDays(5));
        Files.writeString(
                folder.resolve("good.csv"), report(adyenLine("Settled", "adyinbox", "auth-inbox", at, "3.00", "0.05")));
        Files.writeString(
                folder.resolve("bad.csv"),
                report(adyenLine("Refunded", "adyinbox", "auth-inbox", at, "3.00", "0.05")
                        .replace(",EUR,", ",€,")));

        SystemScope.run("inbox test", inbox::importInbox);

        assertThat(folder.resolve("imported/good.csv")).exists();
        assertThat(folder.resolve("refused/bad.csv")).exists();
        assertThat(Files.readString(folder.resolve("refused/bad.csv.reason.txt")))
                .startsWith("Line 2: \"€\" in Net Currency is not a currency code.");
        assertThat(folder.resolve("good.csv")).doesNotExist();
        assertThat(jdbc.queryForObject(
                        "select imported_by from settlement_report where partition_key = ?",
                        String.class,
                        merchant.test().key()))
                .isEqualTo("Kontor (inbox test)");
        org.springframework.util.FileSystemUtils.deleteRecursively(folder.getParent());
    }

    @Test
    void theDemoReportHoldsEveryCase() {
        TestMerchant merchant = TestMerchant.create(platform, jdbc, null);
        SettlementFixtures test =
                new SettlementFixtures(merchant.test(), merchant.portalId(), debtors, bulk, transactions);
        Instant now = Instant.now();
        for (int day = 12; day >= 5; day--) {
            test.cardSale("sim" + DunningFixtures.letters(), 1_000 + day, now.minus(Duration.ofDays(day)));
        }
        java.io.StringWriter out = new java.io.StringWriter();
        int lines = SystemScope.run(
                "demo report test",
                () -> samples.writeAdyen(
                        merchant.test(),
                        now.minus(Duration.ofDays(20)),
                        now.minus(Duration.ofDays(4)),
                        100,
                        true,
                        42,
                        out));
        assertThat(lines).isEqualTo(7 + 3); // one booking left out; unknown, fee and payout lines added

        ImportOutcome outcome = as(
                admin(merchant),
                merchant.test(),
                () -> reconciliation.importReport("demo.csv", bytes(out.toString()), SettlementProvider.ADYEN));

        assertThat(outcome).isInstanceOfSatisfying(ImportOutcome.Imported.class, imported -> {
            assertThat(imported.matched()).isEqualTo(6);
            assertThat(imported.amountDiffers()).isEqualTo(1);
            assertThat(imported.unknown()).isEqualTo(1);
            assertThat(imported.missing()).isEqualTo(1);
            assertThat(imported.fees()).isEqualTo(9);
            assertThat(imported.payouts()).isEqualTo(1);
        });
    }

    private ImportOutcome.Refused refused(String admin, TestMerchant merchant, String file) {
        return (ImportOutcome.Refused)
                as(admin, merchant.test(), () -> reconciliation.importReport("bad.csv", bytes(file), null));
    }

    private Map<String, Integer> counts(Partition partition) {
        return List.of("settlement_report", "settlement_line", "settlement_difference").stream()
                .collect(Collectors.toMap(t -> t, t -> countIn(partition, t)));
    }

    private int countIn(Partition partition, String table) {
        return jdbc.queryForObject(
                "select count(*) from " + table + " where partition_key = ?", Integer.class, partition.key());
    }

    private String admin(TestMerchant merchant) {
        return jdbc.queryForObject("select email from app_user where merchant_id = ?", String.class, merchant.id());
    }

    private <T> T as(String email, Partition partition, Supplier<T> work) {
        return new TestUsers(jdbc).as(email, () -> TenancyScope.inPartition(partition, work));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
