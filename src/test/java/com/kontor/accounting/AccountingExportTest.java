package com.kontor.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kontor.debtor.DebtorService;
import com.kontor.dunning.DunningFixtures;
import com.kontor.ledger.BookingSource;
import com.kontor.ledger.Ledger;
import com.kontor.ledger.NewProcess;
import com.kontor.ledger.Opening;
import com.kontor.ledger.PaymentMethod;
import com.kontor.ledger.ProcessType;
import com.kontor.ledger.ReceivableType;
import com.kontor.money.Money;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.OperationRefused;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.PlatformAdministration;
import com.kontor.tenancy.TenancyScope;
import com.kontor.testsupport.IntegrationTest;
import com.kontor.testsupport.TestMerchant;
import com.kontor.testsupport.TestUsers;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The accounting export (ACCT-1) against bookings made through the real ledger in a test merchant's TEST mode, with a
 * LIVE booking that must not appear: both formats checked line by line against the bookings and the mapping, the same
 * bytes on a re-export, a late booking seen, the mapping's validation and audit.
 */
@IntegrationTest
class AccountingExportTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    AccountingExports exports;

    @Autowired
    AccountMappings mappings;

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
    DunningFixtures test;
    DunningFixtures live;
    String admin;
    LocalDate today;
    JournalPeriod period;

    @BeforeEach
    void aMerchantOfItsOwn() {
        merchant = TestMerchant.create(platform, jdbc, null);
        test = new DunningFixtures(merchant.test(), ledger, debtors, jdbc, transactions);
        live = new DunningFixtures(merchant.live(), ledger, debtors, jdbc, transactions);
        admin = jdbc.queryForObject("select email from app_user where merchant_id = ?", String.class, merchant.id());
        today = LocalDate.now(BERLIN);
        period = new JournalPeriod(today, today);
    }

    private <T> T asAdmin(Partition partition, Supplier<T> work) {
        return TestUsers.as(new TestUsers(jdbc).principal(admin), () -> TenancyScope.inPartition(partition, work));
    }

    private String read(AccountingExportEntry entry, Charset charset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(asAdmin(merchant.test(), () -> exports.write(entry.id(), out)))
                .isTrue();
        return out.toString(charset);
    }

    /** The invoice number DOCUMENTS issues for an invoice process after its commit: the export's document field. */
    private String invoiceNumber(long txid) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.queryForObject(
                                "select invoice_number from payment_process where txid = ?", String.class, txid)
                        != null);
        return jdbc.queryForObject("select invoice_number from payment_process where txid = ?", String.class, txid);
    }

    /** A card sale through the simulator: receivable and payment, money on the provider's clearing account. */
    private long cardSale(long debtorId, long amount) {
        String customerId = jdbc.queryForObject("select customer_id from debtor where id = ?", String.class, debtorId);
        return test.inTransaction(() -> {
            long txid = ledger.nextTxid();
            ledger.open(
                    new NewProcess(
                            txid,
                            merchant.portalId(),
                            debtorId,
                            customerId,
                            "ORDER-card",
                            ProcessType.AUTHORIZATION,
                            PaymentMethod.CARD,
                            Money.of(amount, "EUR"),
                            Instant.now(),
                            null,
                            null,
                            null,
                            null,
                            "SIMULATOR",
                            "sim-" + txid,
                            null),
                    new Opening.Authorised("sim-" + txid),
                    BookingSource.PROVIDER);
            return txid;
        });
    }

    @Test
    void bothFormatsBookEveryKindOfBookingOnTheMappedAccountsAndAReExportIsTheSameUntilABookingArrivesLate() {
        long debtor = test.consumer("accounting@export.example");
        long invoice = test.invoice(debtor, 12_000, today.plusDays(14));
        test.pay(invoice, 12_000);
        long card = cardSale(debtor, 5_000);
        test.inTransaction(() -> {
            var p = ledger.lock(card, BookingSource.PROVIDER).orElseThrow();
            p.refundReserved(1_000);
            return p.refundExecuted(1_000, "sim-refund");
        });
        test.inTransaction(
                () -> ledger.lock(card, BookingSource.PROVIDER).orElseThrow().chargeback(4_000, 350, "sim-chargeback"));
        long dunned = test.invoice(debtor, 9_900, today.minusDays(30));
        test.inTransaction(() -> {
            var p = ledger.lock(dunned, BookingSource.SYSTEM).orElseThrow();
            p.charged(500, ReceivableType.DUNNING_FEE);
            p.credited(1_400, ReceivableType.CREDIT_ENTRY);
            return p.derecognised();
        });
        String invoiceDoc = invoiceNumber(invoice);
        String dunnedDoc = invoiceNumber(dunned);
        long liveDebtor = live.consumer("live@export.example");
        live.invoice(liveDebtor, 7_777, today.plusDays(14));

        AccountingExportOutcome first =
                asAdmin(merchant.test(), () -> exports.export(period, AccountingExportFormat.DATEV));
        assertThat(first.previous()).isNull();
        String datev = read(first.export(), WINDOWS_1252);
        assertThat(datev).endsWith("\r\n").doesNotContain("77,77");
        List<String> lines = Arrays.asList(datev.split("\r\n"));

        String[] header = lines.getFirst().split(";", -1);
        assertThat(header).hasSize(31);
        assertThat(Arrays.copyOfRange(header, 0, 5))
                .containsExactly("\"EXTF\"", "700", "21", "\"Buchungsstapel\"", "13");
        assertThat(header[5]).matches("[0-9]{17}");
        String day = today.format(DateTimeFormatter.BASIC_ISO_DATE);
        assertThat(header[10]).isEqualTo("1001"); // Beraternummer, SKR03 defaults
        assertThat(header[11]).isEqualTo("1"); // Mandantennummer
        assertThat(header[12]).isEqualTo(today.getYear() + "0101"); // fiscal year from January
        assertThat(header[13]).isEqualTo("4");
        assertThat(header[14]).isEqualTo(day);
        assertThat(header[15]).isEqualTo(day);
        assertThat(header[16]).isEqualTo("\"Kontor TEST " + day + "-" + day + "\"");
        assertThat(header[21]).isEqualTo("\"EUR\"");
        assertThat(header[26]).isEqualTo("\"03\"");
        assertThat(lines.get(1).split(";", -1)).hasSize(125);
        assertThat(lines.get(1)).startsWith("Umsatz (ohne Soll/Haben-Kz);Soll/Haben-Kennzeichen;WKZ Umsatz;");

        // one line per booking (no transfer here), each with 125 columns, in booking order
        long bookings = jdbc.queryForObject(
                "select count(*) from booking where partition_key = ?",
                Long.class,
                merchant.test().key());
        List<String> data = lines.subList(2, lines.size());
        assertThat(data).hasSize((int) bookings);
        assertThat(first.export().rows()).isEqualTo(bookings);
        assertThat(first.export().records()).isEqualTo(bookings);
        data.forEach(line -> assertThat(line.split(";", -1)).hasSize(125));

        String ddmm = today.format(DateTimeFormatter.ofPattern("ddMM"));
        String i = ";;" + ddmm + ";\"" + invoiceDoc + "\"";
        String c = ";;" + ddmm + ";\"" + card + "\"";
        String d = ";;" + ddmm + ";\"" + dunnedDoc + "\"";
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("120,00;\"S\";\"EUR\";;;;1410;8400" + i, "Forderung TXID " + invoice);
        expected.put("120,00;\"S\";\"EUR\";;;;1200;1410" + i, "Zahlung TXID " + invoice);
        expected.put("50,00;\"S\";\"EUR\";;;;1410;8400" + c, "Forderung TXID " + card);
        expected.put("50,00;\"S\";\"EUR\";;;;1360;1410" + c, "Zahlung TXID " + card);
        expected.put("10,00;\"H\";\"EUR\";;;;1360;8400" + c, "Erstattung TXID " + card);
        expected.put("40,00;\"H\";\"EUR\";;;;1360;1410" + c, "Rückbuchung TXID " + card);
        expected.put("3,50;\"S\";\"EUR\";;;;1410;2700" + c, "Gebühr Rücklastschriftgebühr TXID " + card);
        expected.put("5,00;\"S\";\"EUR\";;;;1410;2700" + d, "Gebühr Mahngebühr TXID " + dunned);
        expected.put("14,00;\"H\";\"EUR\";;;;1410;8400" + d, "Gutschrift TXID " + dunned);
        expected.put("90,00;\"H\";\"EUR\";;;;1410;2400" + d, "Ausbuchung TXID " + dunned);
        expected.forEach((start, text) -> assertThat(data)
                .as(text)
                .anySatisfy(line -> assertThat(line).startsWith(start + ";;;\"" + text + "\";")));

        // the same period again: the same bytes, nothing new stored
        AccountingExportOutcome again =
                asAdmin(merchant.test(), () -> exports.export(period, AccountingExportFormat.DATEV));
        assertThat(again.sameAsPrevious()).isTrue();
        assertThat(again.export().id()).isEqualTo(first.export().id());
        assertThat(read(again.export(), WINDOWS_1252)).isEqualTo(datev);
        assertThat(count(
                        "select count(*) from accounting_export where partition_key = ?",
                        merchant.test().key()))
                .isEqualTo(1);

        // a booking arrives in the exported period: the next export says so and is stored as a new version
        long late = test.invoice(debtor, 2_500, today.plusDays(14));
        String lateDoc = invoiceNumber(late);
        AccountingExportOutcome after =
                asAdmin(merchant.test(), () -> exports.export(period, AccountingExportFormat.DATEV));
        assertThat(after.sameAsPrevious()).isFalse();
        assertThat(after.lateRecords()).isEqualTo(1);
        assertThat(after.previous().id()).isEqualTo(first.export().id());
        String second = read(after.export(), WINDOWS_1252);
        assertThat(second.lines().findFirst()).contains(lines.getFirst()); // the same "created" moment
        assertThat(second).contains("25,00;\"S\";\"EUR\";;;;1410;8400;;" + ddmm + ";\"" + lateDoc + "\"");
        assertThat(count(
                        "select count(*) from accounting_export where partition_key = ?",
                        merchant.test().key()))
                .isEqualTo(2);
        assertThat(count(
                        "select count(*) from audit_event where merchant_id = ? and event_type = 'ACCOUNTING_EXPORTED'",
                        merchant.id()))
                .isEqualTo(3);

        // the CSV of the same period: the merchant's language (German: ";" and a decimal comma), a byte order mark
        AccountingExportOutcome csv =
                asAdmin(merchant.test(), () -> exports.export(period, AccountingExportFormat.CSV));
        List<String> rows = read(csv.export(), StandardCharsets.UTF_8).lines().toList();
        assertThat(rows.getFirst()).isEqualTo("\uFEFFDatum;Betrag;Währung;Sollkonto;Habenkonto;Beleg;Text;TXID");
        assertThat(rows).hasSize((int) bookings + 2);
        assertThat(rows)
                .contains(today + ";120,00;EUR;1410;8400;" + invoiceDoc + ";Forderung TXID " + invoice + ";" + invoice);
        assertThat(rows)
                .contains(today + ";90,00;EUR;2400;1410;" + dunnedDoc + ";Ausbuchung TXID " + dunned + ";" + dunned);

        // the LIVE mode of the same merchant sees only its own booking
        AccountingExportOutcome liveExport =
                asAdmin(merchant.live(), () -> exports.export(period, AccountingExportFormat.CSV));
        assertThat(liveExport.export().rows()).isEqualTo(1);
        assertThat(asAdmin(merchant.live(), () -> exports.find(first.export().id())))
                .isEmpty();
        assertThat(asAdmin(merchant.live(), () -> exports.write(first.export().id(), new ByteArrayOutputStream())))
                .isFalse();
    }

    @Test
    void theMappingIsValidatedNextToTheFieldVersionedAuditedAndUsedByTheNextExport() {
        long debtor = test.consumer("mapping@export.example");
        test.invoice(debtor, 4_200, today.plusDays(14));
        AccountMapping defaults = asAdmin(merchant.test(), mappings::editable);
        assertThat(defaults.saved()).isFalse();

        AccountMapping bad = copy(defaults, "14x0", "123456", 0);
        assertThatThrownBy(() -> asAdmin(merchant.test(), () -> mappings.save(bad, -1)))
                .isInstanceOfSatisfying(
                        AccountMappingInvalid.class,
                        e -> assertThat(e.errors())
                                .containsEntry("receivables", "accountMapping.error.digits")
                                .containsEntry("bank", "accountMapping.error.length")
                                .containsEntry("clientNumber", "accountMapping.error.clientNumber"));
        assertThat(count("select count(*) from account_mapping where merchant_id = ?", merchant.id()))
                .isZero();

        AccountMapping saved = asAdmin(merchant.test(), () -> mappings.save(copy(defaults, "1400", "1200", 7), -1));
        assertThat(saved.version()).isZero();
        assertThat(saved.receivables()).isEqualTo("1400");
        assertThatThrownBy(() -> asAdmin(merchant.test(), () -> mappings.save(copy(defaults, "1410", "1200", 7), -1)))
                .isInstanceOf(OperationRefused.class);
        String details = jdbc.queryForObject(
                "select details from audit_event where merchant_id = ? and event_type = 'ACCOUNT_MAPPING_CHANGED'",
                String.class,
                merchant.id());
        assertThat(details)
                .contains("receivables")
                .contains("1410")
                .contains("1400")
                .contains("clientNumber");

        String datev = read(
                asAdmin(merchant.test(), () -> exports.export(period, AccountingExportFormat.DATEV))
                        .export(),
                WINDOWS_1252);
        assertThat(datev.split("\r\n")[0].split(";")[11]).isEqualTo("7");
        assertThat(datev).contains("42,00;\"S\";\"EUR\";;;;1400;8400;");

        // an auditor of Müller may read, never export
        Partition mueller = new Partition(new TestUsers(jdbc).merchantId("Müller Handels GmbH"), Mode.TEST);
        assertThatThrownBy(() -> new TestUsers(jdbc)
                        .as(
                                "auditor@mueller.example",
                                () -> TenancyScope.inPartition(
                                        mueller, () -> exports.export(period, AccountingExportFormat.CSV))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(new TestUsers(jdbc)
                        .as(
                                "auditor@mueller.example",
                                () -> TenancyScope.inPartition(mueller, () -> exports.list(0, 10))))
                .noneMatch(e -> e.sha256().isEmpty());
    }

    private static AccountMapping copy(AccountMapping m, String receivables, String bank, int client) {
        return new AccountMapping(
                receivables,
                m.revenueStandard(),
                m.revenueReduced(),
                m.revenueZero(),
                bank,
                m.clearingDefault(),
                m.clearing(),
                m.providerFees(),
                m.dunningFees(),
                m.chargebackFees(),
                m.defaultInterest(),
                m.badDebt(),
                m.consultantNumber(),
                client,
                m.fiscalYearStartMonth(),
                m.accountLength(),
                m.version());
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }
}
