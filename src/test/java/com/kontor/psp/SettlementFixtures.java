package com.kontor.psp;

import static com.kontor.dunning.DunningFixtures.letters;

import com.kontor.audit.Actor;
import com.kontor.debtor.DebtorService;
import com.kontor.debtor.MasterData;
import com.kontor.ledger.BulkProcesses;
import com.kontor.ledger.NewProcess;
import com.kontor.ledger.PaymentMethod;
import com.kontor.ledger.PlayedProcess;
import com.kontor.ledger.ProcessType;
import com.kontor.money.Money;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.TenancyScope;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Card processes of a test merchant's partition, paid at a chosen time through the ledger's own rules (as the demo
 * writes them), and Adyen settlement report lines for them: for the reconciliation tests.
 */
public record SettlementFixtures(
        Partition partition, long portalId, DebtorService debtors, BulkProcesses bulk, PlatformTransactionManager tx) {

    public static final String ADYEN_HEADER = "Company Account,Merchant Account,Psp Reference,Merchant Reference,"
            + "Payment Method,Creation Date,TimeZone,Type,Modification Reference,Gross Currency,Gross Debit (GC),"
            + "Gross Credit (GC),Exchange Rate,Net Currency,Net Debit (NC),Net Credit (NC),Commission (NC),Markup (NC),"
            + "Scheme Fees (NC),Interchange (NC),Payment Method Variant,Modification Merchant Reference,Batch Number";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** A card sale of {@code amount} cents paid at {@code at}, provider reference {@code reference}; its TXID. */
    public long cardSale(String reference, long amount, Instant at) {
        return TenancyScope.inPartition(
                partition,
                () -> new TransactionTemplate(tx).execute(status -> {
                    long debtor = debtors.create(
                                    "SET-" + letters(),
                                    MasterData.ofName("Sina", "Settle"),
                                    Actor.system("settlement test"))
                            .id();
                    long txid = bulk.reserveTxids(1);
                    PlayedProcess p = PlayedProcess.of(new NewProcess(
                            txid,
                            portalId,
                            debtor,
                            "SET-" + letters(),
                            "ORDER-" + letters(),
                            ProcessType.AUTHORIZATION,
                            PaymentMethod.CARD,
                            Money.of(amount, "EUR"),
                            at,
                            null,
                            null,
                            null,
                            null,
                            "ADYEN",
                            reference,
                            null));
                    p.at(at).authorised("auth-" + reference);
                    bulk.write(partition, List.of(p));
                    return txid;
                }));
    }

    /** One Adyen line: gross and commission in major units as text ("10.00"). */
    public static String adyenLine(
            String type, String pspReference, String modification, Instant at, String gross, String commission) {
        boolean credit = type.equals("Settled") || type.equals("ChargebackReversed");
        String date = LocalDateTime.ofInstant(at, ZoneId.of("Europe/Berlin")).format(DATE);
        String net = new java.math.BigDecimal(gross)
                .subtract(new java.math.BigDecimal(commission))
                .toPlainString();
        return String.join(
                ",",
                "KontorCompany",
                "KontorShop",
                pspReference,
                "order-" + pspReference,
                "visa",
                date,
                "CET",
                type,
                modification,
                "EUR",
                credit ? "" : gross,
                credit ? gross : "",
                "1",
                "EUR",
                credit ? "" : net,
                credit ? net : "",
                commission,
                "",
                "",
                "",
                "visacredit",
                "",
                "7");
    }

    /** A fee line of the batch (no process). */
    public static String adyenFee(Instant at, String amount) {
        String date = LocalDateTime.ofInstant(at, ZoneId.of("Europe/Berlin")).format(DATE);
        return String.join(
                ",",
                "KontorCompany",
                "KontorShop",
                "",
                "",
                "",
                date,
                "CET",
                "Fee",
                "Transaction Fees December",
                "",
                "",
                "",
                "",
                "EUR",
                amount,
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "7");
    }

    public static String report(String... lines) {
        return ADYEN_HEADER + "\n" + String.join("\n", lines) + "\n";
    }
}
