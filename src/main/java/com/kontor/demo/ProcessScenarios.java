package com.kontor.demo;

import com.kontor.demo.ProcessGenerator.Spec;
import com.kontor.ledger.DunningStatus;
import com.kontor.ledger.NewProcess;
import com.kontor.ledger.PaymentMethod;
import com.kontor.ledger.PlayedProcess;
import com.kontor.ledger.ProcessStatus;
import com.kontor.ledger.ProcessType;
import com.kontor.money.Money;
import com.kontor.psp.ProviderDirectory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;

/**
 * Realistic life cycles of generated processes (PLAT-5), played through the real ledger ({@link PlayedProcess}) so
 * that generated bookings obey TX-9 exactly like live ones: paid and partly paid invoices, overdue ones with a dunning
 * status, executed and returned direct debits, captured and partly captured pre-authorisations, declines, abandoned
 * redirects, partial refunds, chargebacks and reversed chargebacks.
 */
final class ProcessScenarios {

    private final Random random;
    private final Instant now;
    private final ZoneId zone;
    private final int paymentTermDays;

    ProcessScenarios(Random random, Instant now, ZoneId zone, int paymentTermDays) {
        this.random = random;
        this.now = now;
        this.zone = zone;
        this.paymentTermDays = paymentTermDays;
    }

    /** Plays the processes, TXIDs counted on from {@code firstTxid}. */
    List<PlayedProcess> play(String currency, boolean testMode, List<Spec> specs, long firstTxid) {
        List<PlayedProcess> played = new ArrayList<>(specs.size());
        Currency money = Currency.getInstance(currency);
        for (int i = 0; i < specs.size(); i++) {
            Spec spec = specs.get(i);
            long txid = firstTxid + i;
            LocalDate created = LocalDate.ofInstant(spec.createdAt(), zone);
            boolean openItem = spec.method() == PaymentMethod.INVOICE || spec.method() == PaymentMethod.PREPAYMENT;
            ProcessType type = spec.method().isProviderAuthorised() && random.nextInt(10) < 4
                    ? ProcessType.PREAUTHORIZATION
                    : ProcessType.AUTHORIZATION;
            // test mode: the simulator's processes; live: a real provider's (Kontor has no live connector yet)
            String provider =
                    testMode ? ProviderDirectory.SIMULATOR : spec.method().isOpenItem() ? null : "PAYONE";
            String providerReference = testMode ? "sim-" + txid : provider == null ? null : "psp-" + txid;
            PlayedProcess p = PlayedProcess.of(new NewProcess(
                    txid,
                    spec.portalId(),
                    spec.debtorId(),
                    spec.customerId(),
                    "ORD-" + created.getYear() + "-" + txid,
                    type,
                    spec.method(),
                    new Money(spec.amount(), money),
                    spec.createdAt(),
                    openItem ? created.plusDays(paymentTermDays) : null,
                    spec.bankAccountId(),
                    spec.mandateId(),
                    spec.cardId(),
                    provider,
                    providerReference,
                    legacyInvoiceNumber(spec.method(), spec.createdAt(), created, txid)));
            play(p);
            played.add(p);
        }
        return played;
    }

    /**
     * Invoices older than a month carry the number the merchant's previous system gave them (their PDFs live there);
     * the recent ones get theirs from Kontor's invoice issuing (DOC-2), so the demo's Documents hold real invoices.
     */
    private String legacyInvoiceNumber(PaymentMethod method, Instant createdAt, LocalDate created, long txid) {
        if (method != PaymentMethod.INVOICE || createdAt.isAfter(now.minus(Duration.ofDays(30)))) {
            return null;
        }
        return "RE-" + created.getYear() + "-" + txid;
    }

    private void play(PlayedProcess p) {
        Instant t = p.createdAt();
        int roll = random.nextInt(1000);
        long amount = p.amount();
        switch (p.method()) {
            case INVOICE, PREPAYMENT, CASH_ON_DELIVERY -> {
                p.at(t).opened(null);
                Instant paidAt =
                        t.plus(Duration.ofDays(1 + random.nextInt(p.method() == PaymentMethod.INVOICE ? 30 : 6)));
                int paidShare = p.method() == PaymentMethod.INVOICE ? 650 : 850;
                if (paidAt.isBefore(now) && roll < paidShare) {
                    p.at(paidAt).paymentReceived(amount, "bank-" + p.txid());
                    refundSometimes(p, paidAt);
                } else if (paidAt.isBefore(now) && roll < paidShare + 80) {
                    p.at(paidAt).paymentReceived(Math.max(1, amount / (2 + random.nextInt(3))), "bank-" + p.txid());
                } else if (paidAt.isBefore(now) && roll < paidShare + 110) {
                    // paid twice: an overpayment that finance refunds or transfers to another open receivable (OPS-5)
                    p.at(paidAt).paymentReceived(Math.multiplyExact(amount, 2), "bank-" + p.txid());
                }
                dunIfOverdue(p);
            }
            case DIRECT_DEBIT -> {
                p.at(t).opened("dd-" + p.txid());
                Instant executed = t.plus(Duration.ofDays(2));
                if (executed.isBefore(now)) {
                    p.at(executed).paymentReceived(amount, "dd-" + p.txid());
                    if (roll < 40) {
                        // returned five days after the debit, unless that day is still to come
                        Instant returned = executed.plus(Duration.ofDays(5));
                        if (returned.isBefore(now)) {
                            p.at(returned).chargeback(amount, 300, "rdn-" + p.txid());
                        }
                        dunIfOverdue(p);
                    } else {
                        refundSometimes(p, executed);
                    }
                }
            }
            case CARD, WALLET, BANK_TRANSFER -> playProviderAuthorised(p, t, roll, amount);
        }
    }

    private void playProviderAuthorised(PlayedProcess p, Instant t, int roll, long amount) {
        if (roll < 30) {
            p.at(t).failed("DECLINED", "Declined by the issuer.");
            return;
        }
        if (p.method() != PaymentMethod.CARD && roll < 70) {
            p.at(t.plus(Duration.ofMinutes(30))).abandoned();
            return;
        }
        if (p.type() == ProcessType.PREAUTHORIZATION) {
            p.at(t).preauthorised();
            Instant shipped = t.plus(Duration.ofDays(1 + random.nextInt(4)));
            if (shipped.isBefore(now)) {
                if (roll < 200) {
                    long part = Math.max(1, amount / 2);
                    p.at(shipped).captured(part, "cap-" + p.txid(), true);
                    if (roll < 150) {
                        p.at(shipped.plus(Duration.ofDays(2))).captured(p.preauthorized(), "cap2-" + p.txid(), true);
                    }
                } else {
                    p.at(shipped).captured(amount, "cap-" + p.txid(), true);
                }
            }
        } else {
            p.at(t).authorised("auth-" + p.txid());
        }
        if (p.collected() > 0) {
            Instant later = t.plus(Duration.ofDays(10 + random.nextInt(30)));
            if (roll > 980 && later.isBefore(now)) {
                long chargedBack = p.collected();
                p.at(later).chargeback(chargedBack, 0, "cb-" + p.txid());
                if (roll > 995 && later.plus(Duration.ofDays(20)).isBefore(now)) {
                    p.at(later.plus(Duration.ofDays(20))).chargebackReversed(chargedBack, 0, "cbr-" + p.txid());
                }
            } else {
                refundSometimes(p, t.plus(Duration.ofDays(3)));
            }
        }
    }

    private void refundSometimes(PlayedProcess p, Instant after) {
        if (random.nextInt(100) < 8 && p.refundable() > 1) {
            Instant at = after.plus(Duration.ofDays(1 + random.nextInt(14)));
            if (at.isBefore(now)) {
                long part = random.nextBoolean() ? p.refundable() : Math.max(1, p.refundable() / 3);
                p.at(at).refundReserved(part);
                p.refundExecuted(part, "rf-" + p.txid());
            }
        }
    }

    private void dunIfOverdue(PlayedProcess p) {
        if (p.status() != ProcessStatus.OPEN || p.balance() <= 0) {
            return;
        }
        LocalDate due = p.dueDate() != null
                ? p.dueDate()
                : LocalDate.ofInstant(p.createdAt(), zone).plusDays(14);
        // as the German default procedure (levels 7, 14 and 14 days apart, debt collection 14 days after the last)
        // had dunned it in a run three days ago: what fell due since then is what today's run proposes
        long overdue = ChronoUnit.DAYS.between(due, LocalDate.ofInstant(now, zone)) - 3;
        DunningStatus status = overdue < 7
                ? DunningStatus.NONE
                : overdue < 21
                        ? DunningStatus.LEVEL_1
                        : overdue < 35
                                ? DunningStatus.LEVEL_2
                                : overdue < 49
                                        ? DunningStatus.LEVEL_3
                                        : random.nextInt(10) == 0
                                                ? DunningStatus.BLOCKED
                                                : DunningStatus.DEBT_COLLECTION;
        p.setDunningStatus(status);
        p.setReminderLevel(
                switch (status) {
                    case LEVEL_1 -> 1;
                    case LEVEL_2 -> 2;
                    case LEVEL_3, DEBT_COLLECTION, BLOCKED -> 3;
                    case LEVEL_4 -> 4;
                    case NONE -> 0;
                });
    }
}
