package com.kontor.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.ledger.BookingSource;
import com.kontor.ledger.BookingType;
import com.kontor.ledger.NewProcess;
import com.kontor.ledger.PaymentMethod;
import com.kontor.ledger.ProcessType;
import com.kontor.ledger.ReceivableType;
import com.kontor.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The ledger's invariants (TX-9) across random sequences of the money operations of OPS-2..5 on two processes of
 * one debtor: payments in, refunds (at once, or reserved and then executed or failed) crediting any type of
 * receivable, credit entries of every receivable type, de-recognitions and transfers in both directions. Whatever
 * happens: the paid of both processes together is what came in minus what went out (a transfer creates or loses
 * nothing), refunded + reserved never exceed collected, each summary is the sum of its bookings with every credit
 * booked on the type asked for, and an event the ledger refuses changes neither process.
 */
class MoneyOperationsPropertiesTest {

    enum Kind {
        PAY,
        CREDIT,
        DERECOGNISE,
        TRANSFER,
        REFUND,
        REFUND_RESERVED,
        REFUND_EXECUTED,
        REFUND_FAILED
    }

    /** {@code first}: the event acts on the first process (a transfer: from the first to the second). */
    record Event(Kind kind, boolean first, long amount, ReceivableType type) {}

    @Provide
    Arbitrary<List<Event>> events() {
        Arbitrary<Long> amounts = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.longs().between(1, 8_000)),
                Tuple.of(1, Arbitraries.longs().between(-5, 20_000)));
        return Combinators.combine(
                        Arbitraries.of(Kind.class),
                        Arbitraries.of(true, false),
                        amounts,
                        Arbitraries.of(ReceivableType.class))
                .as(Event::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(40);
    }

    @Provide
    Arbitrary<PaymentMethod> methods() {
        // mostly account-based, so transfers happen; card and wallet show that they are refused
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(PaymentMethod.INVOICE, PaymentMethod.PREPAYMENT)),
                Tuple.of(1, Arbitraries.of(PaymentMethod.CARD, PaymentMethod.WALLET)));
    }

    @Property(tries = 1500)
    void twoProcessesOfOneDebtorKeepTheLedgerInvariantsUnderEveryMoneyOperation(
            @ForAll("methods") PaymentMethod method,
            @ForAll @LongRange(min = 1, max = 10_000) long firstAmount,
            @ForAll @LongRange(min = 1, max = 10_000) long secondAmount,
            @ForAll("events") List<Event> events) {
        LedgerRules rules = LedgerRules.at(Instant.EPOCH, BookingSource.USER);
        PaymentProcess first = process(1, method, firstAmount);
        PaymentProcess second = process(2, method, secondAmount);
        List<Booking> firstBookings = new ArrayList<>(open(rules, first));
        List<Booking> secondBookings = new ArrayList<>(open(rules, second));
        long in = first.getCollected() + second.getCollected();
        long out = 0;
        for (Event e : events) {
            PaymentProcess p = e.first() ? first : second;
            PaymentProcess other = e.first() ? second : first;
            String before = snapshot(first) + " / " + snapshot(second);
            List<Booking> booked;
            try {
                booked = apply(rules, p, other, e);
            } catch (IllegalStateException | IllegalArgumentException refused) {
                assertThat(snapshot(first) + " / " + snapshot(second))
                        .as("a refused %s changes nothing", e)
                        .isEqualTo(before);
                continue;
            }
            Statistics.label("applied").collect(e.kind());
            switch (e.kind()) {
                case PAY -> in += e.amount();
                case REFUND, REFUND_EXECUTED -> out += e.amount();
                case CREDIT ->
                    assertThat(booked).singleElement().satisfies(b -> {
                        assertThat(b.getType()).isEqualTo(BookingType.CREDIT_ENTRY);
                        assertThat(b.getReceivableType()).isEqualTo(e.type());
                        assertThat(b.getDebit()).isEqualTo(-e.amount());
                    });
                case TRANSFER ->
                    assertThat(method.isAccountBased())
                            .as("card and wallet overpayments are never transferred")
                            .isTrue();
                default -> {}
            }
            if (e.kind() == Kind.REFUND || e.kind() == Kind.REFUND_EXECUTED) {
                assertThat(booked).singleElement().satisfies(b -> {
                    assertThat(b.getType()).isEqualTo(BookingType.REFUND);
                    assertThat(b.getReceivableType()).isEqualTo(e.type());
                });
            }
            for (Booking b : booked) {
                (b.getTxid() == first.getTxid() ? firstBookings : secondBookings).add(b);
            }
            assertThat(first.getPaid() + second.getPaid())
                    .as("after %s: paid = in − out", e)
                    .isEqualTo(in - out);
            assertThat(first.getCollected() + second.getCollected()).isEqualTo(in);
            for (PaymentProcess q : List.of(first, second)) {
                assertThat(q.getRefunded() + q.getReserved())
                        .as("after %s: refunded + reserved ≤ collected", e)
                        .isLessThanOrEqualTo(q.getCollected());
                assertThat(q.getReserved()).isNotNegative();
            }
            assertSummaryIsTheSumOf(first, firstBookings);
            assertSummaryIsTheSumOf(second, secondBookings);
        }
        // the sequences really reach every operation: a property that only met refusals would prove nothing
        Statistics.label("applied").coverage(coverage -> {
            for (Kind kind : Kind.values()) {
                coverage.check(kind).count(n -> n > 0);
            }
        });
    }

    private static List<Booking> apply(LedgerRules rules, PaymentProcess p, PaymentProcess other, Event e) {
        long amount = e.amount();
        return switch (e.kind()) {
            case PAY -> rules.paymentReceived(p, amount, "t");
            case CREDIT -> rules.credited(p, amount, e.type());
            case DERECOGNISE -> rules.derecognised(p);
            case TRANSFER -> rules.transferred(p, other, amount);
            case REFUND -> rules.refunded(p, amount, "t", e.type());
            case REFUND_RESERVED -> {
                rules.refundReserved(p, amount);
                yield List.of();
            }
            case REFUND_EXECUTED -> rules.refundExecuted(p, amount, "t", e.type());
            case REFUND_FAILED -> {
                rules.refundFailed(p, amount);
                yield List.of();
            }
        };
    }

    private static PaymentProcess process(long txid, PaymentMethod method, long amount) {
        return new PaymentProcess(new NewProcess(
                txid,
                1,
                7L,
                "C-7",
                "R-" + txid,
                ProcessType.AUTHORIZATION,
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
        return p.getPaymentMethod().isOpenItem() ? rules.opened(p, null) : rules.authorised(p, "t");
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
                + p.getRefunded() + " " + p.getReserved() + " " + p.getRefundsRequested();
    }
}
