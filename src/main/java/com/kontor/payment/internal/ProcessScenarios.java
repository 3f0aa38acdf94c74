package com.kontor.payment.internal;

import com.kontor.db.MultiRowInsert;
import com.kontor.payment.BookingSource;
import com.kontor.payment.DunningStatus;
import com.kontor.payment.PaymentMethod;
import com.kontor.payment.ProcessGenerator.Spec;
import com.kontor.payment.ProcessStatus;
import com.kontor.payment.ProcessType;
import com.kontor.payment.provider.SimulatorProvider;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Realistic life cycles of generated processes (PLAT-5), played through the real {@link Ledger} so that generated
 * bookings obey TX-9 exactly like live ones: paid and partly paid invoices, overdue ones with a dunning status,
 * executed and returned direct debits, captured and partly captured pre-authorisations, declines, abandoned
 * redirects, partial refunds, chargebacks and reversed chargebacks. Written with JDBC batches.
 */
public final class ProcessScenarios {

    private final JdbcTemplate jdbc;
    private final Random random;
    private final Instant now;
    private final ZoneId zone;
    private final int paymentTermDays;

    public ProcessScenarios(JdbcTemplate jdbc, Random random, Instant now, ZoneId zone, int paymentTermDays) {
        this.jdbc = jdbc;
        this.random = random;
        this.now = now;
        this.zone = zone;
        this.paymentTermDays = paymentTermDays;
    }

    /** Plays and writes the processes; returns the number of bookings written. */
    public long write(
            String partitionKey,
            String currency,
            boolean testMode,
            List<Spec> specs,
            long firstTxid,
            long firstBookingId) {
        List<Object[]> processRows = new ArrayList<>(specs.size());
        List<Object[]> bookingRows = new ArrayList<>(specs.size() * 3);
        long bookingId = firstBookingId;
        for (int i = 0; i < specs.size(); i++) {
            Spec spec = specs.get(i);
            long txid = firstTxid + i;
            LocalDate created = LocalDate.ofInstant(spec.createdAt(), zone);
            boolean openItem = spec.method() == PaymentMethod.INVOICE || spec.method() == PaymentMethod.PREPAYMENT;
            ProcessType type = spec.method().isProviderAuthorised() && random.nextInt(10) < 4
                    ? ProcessType.PREAUTHORIZATION
                    : ProcessType.AUTHORIZATION;
            PaymentProcess p = new PaymentProcess(
                    txid,
                    spec.portalId(),
                    spec.debtorId(),
                    spec.customerId(),
                    "ORD-" + created.getYear() + "-" + txid,
                    type,
                    spec.method(),
                    currency,
                    spec.amount(),
                    spec.createdAt(),
                    openItem ? created.plusDays(paymentTermDays) : null);
            p.usePaymentData(spec.bankAccountId(), spec.mandateId(), spec.cardId());
            if (testMode) {
                p.setProvider(SimulatorProvider.NAME, "sim-" + txid);
            } else if (!spec.method().isOpenItem()) {
                p.setProvider("PAYONE", "psp-" + txid); // a real provider's process: Kontor has no live connector yet
            }
            if (spec.method() == PaymentMethod.INVOICE) {
                p.setInvoiceNumber("RE-" + created.getYear() + "-" + txid);
            }
            List<Booking> bookings = play(p);
            processRows.add(row(partitionKey, p));
            for (Booking b : bookings) {
                bookingRows.add(new Object[] {
                    bookingId++,
                    partitionKey,
                    b.getTxid(),
                    Timestamp.from(b.getBookedAt()),
                    b.getType().name(),
                    b.getReceivableType().name(),
                    b.getDebit(),
                    b.getCredit(),
                    b.getCurrency(),
                    b.getProviderTxn(),
                    b.getSource().name()
                });
            }
        }
        MultiRowInsert.insert(
                jdbc,
                """
                insert into payment_process (txid, partition_key, portal_id, debtor_id, customer_id, reference,
                    process_type, payment_method, currency, amount, status, dunning_status, created_at, due_date,
                    invoice_number, provider, provider_reference, error_code, error_message, bank_account_id, card_id,
                    mandate_id, receivable, paid, collected, refunded, preauthorized, reserved, refunds_requested,
                    status_before_chargeback, reminder_level, version)
                values """,
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                processRows);
        MultiRowInsert.insert(jdbc, """
                insert into booking (id, partition_key, txid, booked_at, booking_type, receivable_type, debit, credit,
                    currency, provider_txn, source) values """, "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", bookingRows);
        return bookingRows.size();
    }

    /** How many bookings {@link #write} needs at most per process (for reserving booking ids). */
    public static int maxBookingsPerProcess() {
        return 8;
    }

    private List<Booking> play(PaymentProcess p) {
        List<Booking> b = new ArrayList<>();
        Instant t = p.getCreatedAt();
        int roll = random.nextInt(1000);
        long amount = p.getAmount();
        switch (p.getPaymentMethod()) {
            case INVOICE, PREPAYMENT, CASH_ON_DELIVERY -> {
                b.addAll(at(t).opened(p, null));
                Instant paidAt = t.plus(
                        Duration.ofDays(1 + random.nextInt(p.getPaymentMethod() == PaymentMethod.INVOICE ? 30 : 6)));
                int paidShare = p.getPaymentMethod() == PaymentMethod.INVOICE ? 650 : 850;
                if (paidAt.isBefore(now) && roll < paidShare) {
                    b.addAll(at(paidAt).paymentReceived(p, amount, "bank-" + p.getTxid()));
                    refundSometimes(p, b, paidAt);
                } else if (paidAt.isBefore(now) && roll < paidShare + 80) {
                    b.addAll(at(paidAt)
                            .paymentReceived(p, Math.max(1, amount / (2 + random.nextInt(3))), "bank-" + p.getTxid()));
                }
                dunIfOverdue(p);
            }
            case DIRECT_DEBIT -> {
                b.addAll(at(t).opened(p, "dd-" + p.getTxid()));
                Instant executed = t.plus(Duration.ofDays(2));
                if (executed.isBefore(now)) {
                    b.addAll(at(executed).paymentReceived(p, amount, "dd-" + p.getTxid()));
                    if (roll < 40) {
                        b.addAll(
                                at(executed.plus(Duration.ofDays(5))).chargeback(p, amount, 300, "rdn-" + p.getTxid()));
                        dunIfOverdue(p);
                    } else {
                        refundSometimes(p, b, executed);
                    }
                }
            }
            case CARD, WALLET, BANK_TRANSFER -> {
                if (roll < 30) {
                    at(t).failed(p, "DECLINED", "Declined by the issuer.");
                    break;
                }
                if (p.getPaymentMethod() != PaymentMethod.CARD && roll < 70) {
                    at(t.plus(Duration.ofMinutes(30))).abandoned(p);
                    break;
                }
                if (p.getProcessType() == ProcessType.PREAUTHORIZATION) {
                    b.addAll(at(t).preauthorised(p));
                    Instant shipped = t.plus(Duration.ofDays(1 + random.nextInt(4)));
                    if (shipped.isBefore(now)) {
                        if (roll < 200) {
                            long part = Math.max(1, amount / 2);
                            b.addAll(at(shipped).captured(p, part, "cap-" + p.getTxid(), true));
                            if (roll < 150) {
                                b.addAll(at(shipped.plus(Duration.ofDays(2)))
                                        .captured(p, p.getPreauthorized(), "cap2-" + p.getTxid(), true));
                            }
                        } else {
                            b.addAll(at(shipped).captured(p, amount, "cap-" + p.getTxid(), true));
                        }
                    }
                } else {
                    b.addAll(at(t).authorised(p, "auth-" + p.getTxid()));
                }
                if (p.getCollected() > 0) {
                    Instant later = t.plus(Duration.ofDays(10 + random.nextInt(30)));
                    if (roll > 980 && later.isBefore(now)) {
                        long chargedBack = p.getCollected();
                        b.addAll(at(later).chargeback(p, chargedBack, 0, "cb-" + p.getTxid()));
                        if (roll > 995) {
                            b.addAll(at(later.plus(Duration.ofDays(20)))
                                    .chargebackReversed(p, chargedBack, 0, "cbr-" + p.getTxid()));
                        }
                    } else {
                        refundSometimes(p, b, t.plus(Duration.ofDays(3)));
                    }
                }
            }
        }
        return b;
    }

    private void refundSometimes(PaymentProcess p, List<Booking> b, Instant after) {
        if (random.nextInt(100) < 8 && p.getRefundable() > 1) {
            Instant at = after.plus(Duration.ofDays(1 + random.nextInt(14)));
            if (at.isBefore(now)) {
                long part = random.nextBoolean() ? p.getRefundable() : Math.max(1, p.getRefundable() / 3);
                Ledger ledger = at(at);
                ledger.refundRequested(p, part);
                b.addAll(ledger.refunded(p, part, "rf-" + p.getTxid()));
            }
        }
    }

    private void dunIfOverdue(PaymentProcess p) {
        if (p.getStatus() != ProcessStatus.OPEN || p.getBalance() <= 0) {
            return;
        }
        LocalDate due = p.getDueDate() != null
                ? p.getDueDate()
                : LocalDate.ofInstant(p.getCreatedAt(), zone).plusDays(14);
        long overdue = java.time.temporal.ChronoUnit.DAYS.between(due, LocalDate.ofInstant(now, zone));
        DunningStatus status = overdue <= 0
                ? DunningStatus.NONE
                : overdue < 14
                        ? DunningStatus.LEVEL_1
                        : overdue < 28
                                ? DunningStatus.LEVEL_2
                                : overdue < 42
                                        ? DunningStatus.LEVEL_3
                                        : overdue < 90
                                                ? DunningStatus.LEVEL_4
                                                : random.nextInt(10) == 0
                                                        ? DunningStatus.BLOCKED
                                                        : DunningStatus.DEBT_COLLECTION;
        p.setDunningStatus(status);
        p.setReminderLevel(
                switch (status) {
                    case LEVEL_1 -> 1;
                    case LEVEL_2 -> 2;
                    case LEVEL_3 -> 3;
                    case LEVEL_4, DEBT_COLLECTION, BLOCKED -> 4;
                    case NONE -> 0;
                });
    }

    private static Ledger at(Instant t) {
        return Ledger.at(t, BookingSource.SYSTEM);
    }

    private static Object[] row(String partitionKey, PaymentProcess p) {
        return new Object[] {
            p.getTxid(),
            partitionKey,
            p.getPortalId(),
            p.getDebtorId(),
            p.getCustomerId(),
            p.getReference(),
            p.getProcessType().name(),
            p.getPaymentMethod().name(),
            p.getCurrency(),
            p.getAmount(),
            p.getStatus().name(),
            p.getDunningStatus().name(),
            Timestamp.from(p.getCreatedAt()),
            p.getDueDate() == null ? null : Date.valueOf(p.getDueDate()),
            p.getInvoiceNumber(),
            p.getProvider(),
            p.getProviderReference(),
            p.getErrorCode(),
            p.getErrorMessage(),
            p.getBankAccountId(),
            p.getCardId(),
            p.getMandateId(),
            p.getReceivable(),
            p.getPaid(),
            p.getCollected(),
            p.getRefunded(),
            p.getPreauthorized(),
            p.getReserved(),
            p.getRefundsRequested(),
            p.getStatusBeforeChargeback() == null
                    ? null
                    : p.getStatusBeforeChargeback().name(),
            p.getReminderLevel()
        };
    }
}
