package com.kontor.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.ledger.BookingSource;
import com.kontor.ledger.BookingType;
import com.kontor.ledger.NewProcess;
import com.kontor.ledger.PaymentMethod;
import com.kontor.ledger.ProcessStatus;
import com.kontor.ledger.ProcessType;
import com.kontor.ledger.ReceivableType;
import com.kontor.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.LongRange;

/**
 * TX-9 as properties: whatever sequence of events a process goes through, the stored summary equals the sum of its
 * bookings, balance = debits − credits, refunded + reserved ≤ collected, captured ≤ pre-authorised, the status
 * moves only as TX-3 allows, and an event the ledger refuses changes nothing. jqwik draws method, type, amount and up
 * to 30 events, shrinks a failure to the smallest sequence that still fails and reports its seed.
 */
class LedgerPropertiesTest {

    enum Kind {
        CAPTURE,
        PAY,
        RESERVE,
        RELEASE,
        REFUND,
        REFUND_RESERVED,
        REFUND_EXECUTED,
        REFUND_FAILED,
        CHARGEBACK,
        REVERSAL,
        REQUEST_REFUND,
        CREDIT,
        DERECOGNISE
    }

    /** The events that check the refund limit themselves (a chargeback may take back money already refunded). */
    static final Set<Kind> LIMITED = EnumSet.of(Kind.RESERVE, Kind.REFUND, Kind.REFUND_RESERVED, Kind.REFUND_EXECUTED);

    record Event(Kind kind, long amount) {}

    @Provide
    Arbitrary<List<Event>> events() {
        // small amounts often, some zero or negative (refused), some above every limit
        Arbitrary<Long> amounts = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.longs().between(0, 10_000)),
                Tuple.of(1, Arbitraries.longs().between(-5, 12_000)));
        return Combinators.combine(Arbitraries.of(Kind.class), amounts)
                .as(Event::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(30);
    }

    @Property(tries = 2000)
    void everySequenceOfEventsKeepsTheLedgerInvariants(
            @ForAll PaymentMethod method,
            @ForAll ProcessType type,
            @ForAll @LongRange(min = 1, max = 10_000) long amount,
            @ForAll("events") List<Event> events) {
        PaymentProcess p = process(1, 1L, method, type, amount);
        LedgerRules rules = LedgerRules.at(Instant.EPOCH, BookingSource.API);
        List<Booking> bookings = new ArrayList<>(open(rules, p));
        long captured = 0;
        for (Event e : events) {
            String before = snapshot(p);
            ProcessStatus statusBefore = p.getStatus();
            boolean applied = false;
            try {
                bookings.addAll(apply(rules, p, e));
                applied = true;
                if (e.kind() == Kind.CAPTURE) {
                    captured += e.amount();
                }
            } catch (IllegalStateException | IllegalArgumentException refused) {
                assertThat(snapshot(p)).as("a refused %s changes nothing", e).isEqualTo(before);
            }
            assertThat(statusBefore.mayBecome(p.getStatus()))
                    .as("%s: %s may not become %s", e, statusBefore, p.getStatus())
                    .isTrue();
            assertSummaryIsTheSumOf(p, bookings);
            assertThat(p.getReserved()).isNotNegative();
            assertThat(p.getPreauthorized()).isNotNegative();
            if (type == ProcessType.PREAUTHORIZATION && method.isProviderAuthorised()) {
                assertThat(captured + p.getPreauthorized()).isEqualTo(amount);
            }
            if (applied && LIMITED.contains(e.kind())) {
                assertThat(p.getRefunded() + p.getReserved()).isLessThanOrEqualTo(p.getCollected());
            }
        }
        if (p.getStatus() == ProcessStatus.ERROR || p.getStatus() == ProcessStatus.EMPTY) {
            assertThat(bookings).isEmpty();
        }
    }

    @Property(tries = 500)
    void aTransferMovesMoneyBetweenTwoProcessesWithoutCreatingOrLosingAny(
            @ForAll("accountBased") PaymentMethod method,
            @ForAll @LongRange(min = 1, max = 10_000) long overpaidBy,
            @ForAll @LongRange(min = 1, max = 10_000) long open,
            @ForAll @LongRange(min = -5, max = 20_000) long transfer,
            @ForAll boolean sameDebtor) {
        LedgerRules rules = LedgerRules.at(Instant.EPOCH, BookingSource.USER);
        PaymentProcess from = process(1, 7L, method, ProcessType.AUTHORIZATION, 5_000);
        PaymentProcess to = process(2, sameDebtor ? 7L : 8L, method, ProcessType.AUTHORIZATION, open);
        List<Booking> fromBookings = new ArrayList<>(open(rules, from));
        List<Booking> toBookings = new ArrayList<>(open(rules, to));
        fromBookings.addAll(rules.paymentReceived(from, 5_000 + overpaidBy, "t"));
        long balances = from.getBalance() + to.getBalance();
        long collected = from.getCollected() + to.getCollected();
        String before = snapshot(from) + " / " + snapshot(to);
        try {
            for (Booking b : rules.transferred(from, to, transfer)) {
                (b.getTxid() == from.getTxid() ? fromBookings : toBookings).add(b);
            }
            assertThat(sameDebtor).as("a transfer to another debtor is refused").isTrue();
            assertThat(transfer).isBetween(1L, Math.min(overpaidBy, open));
        } catch (IllegalStateException | IllegalArgumentException refused) {
            assertThat(snapshot(from) + " / " + snapshot(to)).isEqualTo(before);
        }
        assertThat(from.getBalance() + to.getBalance()).isEqualTo(balances);
        assertThat(from.getCollected() + to.getCollected()).isEqualTo(collected);
        assertThat(from.getBalance()).isNotPositive();
        assertThat(to.getBalance()).isNotNegative();
        assertSummaryIsTheSumOf(from, fromBookings);
        assertSummaryIsTheSumOf(to, toBookings);
    }

    @Provide
    Arbitrary<PaymentMethod> accountBased() {
        return Arbitraries.of(PaymentMethod.INVOICE, PaymentMethod.PREPAYMENT, PaymentMethod.DIRECT_DEBIT);
    }

    private static PaymentProcess process(
            long txid, Long debtorId, PaymentMethod method, ProcessType type, long amount) {
        return new PaymentProcess(new NewProcess(
                txid,
                1,
                debtorId,
                "C-1",
                "R-1",
                type,
                method,
                Money.of(amount, "EUR"),
                Instant.EPOCH,
                null,
                null,
                null,
                null,
                null,
                null,
                null));
    }

    private static List<Booking> open(LedgerRules rules, PaymentProcess p) {
        if (p.getPaymentMethod().isOpenItem() || p.getPaymentMethod() == PaymentMethod.DIRECT_DEBIT) {
            return rules.opened(p, null);
        }
        return p.getProcessType() == ProcessType.PREAUTHORIZATION ? rules.preauthorised(p) : rules.authorised(p, "t");
    }

    private static List<Booking> apply(LedgerRules rules, PaymentProcess p, Event e) {
        long amount = e.amount();
        return switch (e.kind()) {
            case CAPTURE -> rules.captured(p, amount, "t", true);
            case PAY -> rules.paymentReceived(p, amount, "t");
            case RESERVE -> {
                rules.reserve(p, amount);
                yield List.of();
            }
            case RELEASE -> {
                rules.release(p, amount);
                yield List.of();
            }
            case REFUND -> rules.refunded(p, amount, "t");
            case REFUND_RESERVED -> {
                rules.refundReserved(p, amount);
                yield List.of();
            }
            case REFUND_EXECUTED -> rules.refundExecuted(p, amount, "t", ReceivableType.CREDIT_ENTRY);
            case REFUND_FAILED -> {
                rules.refundFailed(p, amount);
                yield List.of();
            }
            case CHARGEBACK -> rules.chargeback(p, amount, amount % 3 == 0 ? 500 : 0, "t");
            case REVERSAL -> rules.chargebackReversed(p, amount, 0, "t");
            case REQUEST_REFUND -> {
                rules.refundRequested(p, amount);
                yield List.of();
            }
            case CREDIT -> rules.credited(p, amount, ReceivableType.CREDIT_ENTRY);
            case DERECOGNISE -> rules.derecognised(p);
        };
    }

    private static void assertSummaryIsTheSumOf(PaymentProcess p, List<Booking> bookings) {
        long debits = bookings.stream().mapToLong(Booking::getDebit).sum();
        long credits = bookings.stream().mapToLong(Booking::getCredit).sum();
        assertThat(p.getReceivable()).isEqualTo(debits);
        assertThat(p.getPaid()).isEqualTo(credits);
        assertThat(p.getBalance()).isEqualTo(debits - credits);
        assertThat(p.getRefunded())
                .isEqualTo(-bookings.stream()
                        .filter(b -> b.getType() == BookingType.REFUND)
                        .mapToLong(Booking::getCredit)
                        .sum());
    }

    private static String snapshot(PaymentProcess p) {
        return p.getStatus() + " " + p.getReceivable() + " " + p.getPaid() + " " + p.getCollected() + " "
                + p.getRefunded() + " " + p.getPreauthorized() + " " + p.getReserved() + " "
                + p.getRefundsRequested();
    }
}
