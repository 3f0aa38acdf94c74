package com.kontor.payment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.payment.BookingSource;
import com.kontor.payment.BookingType;
import com.kontor.payment.PaymentMethod;
import com.kontor.payment.ProcessStatus;
import com.kontor.payment.ProcessType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * TX-9 as properties: whatever sequence of events a process goes through, the stored summary equals the sum of its
 * bookings, balance = debits − credits, refunded + reserved ≤ collected, captured ≤ pre-authorised, and an event the
 * ledger refuses changes nothing. Each try draws method, type, amount and up to 30 events from a seeded random
 * generator; a failure names its seed, so it can be replayed.
 */
class LedgerPropertiesTest {

    enum Kind {
        CAPTURE,
        PAY,
        RESERVE,
        RELEASE,
        REFUND,
        CHARGEBACK,
        REVERSAL,
        REQUEST_REFUND
    }

    record Event(Kind kind, long amount) {}

    static final int TRIES = 5_000;

    @Test
    void everySequenceOfEventsKeepsTheLedgerInvariants() {
        for (long seed = 1; seed <= TRIES; seed++) {
            Random random = new Random(seed);
            PaymentMethod method = PaymentMethod.values()[random.nextInt(PaymentMethod.values().length)];
            ProcessType type = ProcessType.values()[random.nextInt(ProcessType.values().length)];
            int amount = 1 + random.nextInt(10_000);
            List<Event> events = new ArrayList<>();
            int count = 1 + random.nextInt(30);
            for (int i = 0; i < count; i++) {
                // small amounts often, some zero or negative (refused), some above every limit
                long value = random.nextInt(4) == 0 ? random.nextInt(12_006) - 5 : random.nextInt(amount + 1);
                events.add(new Event(Kind.values()[random.nextInt(Kind.values().length)], value));
            }
            try {
                check(method, type, amount, events);
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + ": " + method + " " + type + " " + amount + " " + events, e);
            }
        }
    }

    private static void check(PaymentMethod method, ProcessType type, int amount, List<Event> events) {
        PaymentProcess p = new PaymentProcess(1, 1, 1L, "C-1", "R-1", type, method, "EUR", amount, Instant.EPOCH, null);
        Ledger ledger = Ledger.at(Instant.EPOCH, BookingSource.API);
        List<Booking> bookings = new ArrayList<>();
        if (method.isOpenItem() || method == PaymentMethod.DIRECT_DEBIT) {
            bookings.addAll(ledger.opened(p, null));
        } else if (type == ProcessType.PREAUTHORIZATION) {
            bookings.addAll(ledger.preauthorised(p));
        } else {
            bookings.addAll(ledger.authorised(p, "t"));
        }
        long captured = 0;
        for (Event e : events) {
            String before = snapshot(p);
            boolean applied = false;
            try {
                List<Booking> added = switch (e.kind()) {
                    case CAPTURE -> ledger.captured(p, e.amount(), "t", true);
                    case PAY -> ledger.paymentReceived(p, e.amount(), "t");
                    case RESERVE -> {
                        ledger.reserve(p, e.amount());
                        yield List.of();
                    }
                    case RELEASE -> {
                        ledger.release(p, e.amount());
                        yield List.of();
                    }
                    case REFUND -> ledger.refunded(p, e.amount(), "t");
                    case CHARGEBACK -> ledger.chargeback(p, e.amount(), e.amount() % 3 == 0 ? 500 : 0, "t");
                    case REVERSAL -> ledger.chargebackReversed(p, e.amount(), 0, "t");
                    case REQUEST_REFUND -> {
                        ledger.refundRequested(p, e.amount());
                        yield List.of();
                    }
                };
                bookings.addAll(added);
                applied = true;
                if (e.kind() == Kind.CAPTURE) {
                    captured += e.amount();
                }
            } catch (IllegalStateException | IllegalArgumentException refused) {
                assertThat(snapshot(p)).as("a refused %s changes nothing", e).isEqualTo(before);
            }
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
            assertThat(p.getReserved()).isNotNegative();
            assertThat(p.getPreauthorized()).isNotNegative();
            if (type == ProcessType.PREAUTHORIZATION && method.isProviderAuthorised()) {
                assertThat(captured + p.getPreauthorized()).isEqualTo(amount);
            }
            if (applied && (e.kind() == Kind.REFUND || e.kind() == Kind.RESERVE)) {
                assertThat(p.getRefunded() + p.getReserved()).isLessThanOrEqualTo(p.getCollected());
            }
            assertThat(p.getStatus()).isNotNull();
        }
        if (p.getStatus() == ProcessStatus.ERROR || p.getStatus() == ProcessStatus.EMPTY) {
            assertThat(bookings).isEmpty();
        }
    }

    private static String snapshot(PaymentProcess p) {
        return p.getStatus() + " " + p.getReceivable() + " " + p.getPaid() + " " + p.getCollected() + " "
                + p.getRefunded() + " " + p.getPreauthorized() + " " + p.getReserved() + " " + p.getRefundsRequested();
    }
}
