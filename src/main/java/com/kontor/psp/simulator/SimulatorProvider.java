package com.kontor.psp.simulator;

import com.kontor.psp.PaymentProvider;
import com.kontor.psp.ProviderAnswer;
import com.kontor.psp.ProviderProperties;
import com.kontor.psp.ProviderRequest;
import com.kontor.psp.ProviderUnavailable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The built-in provider of test mode (PSP-2). Every request is simulated; the last two digits of the amount in minor
 * units choose the outcome, for every operation alike (docs/simulator.md):
 * <ul>
 *   <li>{@code 51} declined ({@code DECLINED});</li>
 *   <li>{@code 52} provider unreachable on every try: ERROR {@code PROVIDER_UNAVAILABLE} after the retries;</li>
 *   <li>{@code 53} pending, approved after {@code kontor.provider.simulator-delay};</li>
 *   <li>{@code 54} pending, declined after the delay;</li>
 *   <li>{@code 55} unreachable on the first try, approved on the retry;</li>
 *   <li>anything else: approved.</li>
 * </ul>
 * A direct debit that is approved is executed after the delay (the money arrives), as a bank would do it. Delayed
 * outcomes travel with the answer as {@link SimulatedOutcome} and are booked through the same path as notifications.
 *
 * <p>Like a real provider it honours idempotency keys (PLAT-6): a request whose key it has answered is answered the
 * same again and executed nothing a second time (its delayed outcome is not scheduled again), so Kontor's recovery of a
 * booking that never landed may ask again with the same key. The answers are kept in memory only, for the last
 * {@link #REMEMBERED} keys: a restart forgets them, which is acceptable for a test-mode provider whose money is not
 * real; a request that failed (unreachable) is not remembered, as it was not executed. A cancellation voids an
 * authorisation Kontor never booked ({@link #cancel}).
 */
@Component
public class SimulatorProvider implements PaymentProvider {

    public static final String NAME = "SIMULATOR";

    private final ProviderProperties properties;
    /**
     * The simulator's transaction numbers: they name its delayed outcomes (unique per process), so they must not
     * repeat after a restart: counted on from the start time in microseconds.
     */
    private final AtomicLong transactions = new AtomicLong(System.currentTimeMillis() * 1000);

    private final Map<String, Boolean> failedOnce = new ConcurrentHashMap<>();

    /** How many answered keys the simulator remembers (oldest forgotten first). */
    public static final int REMEMBERED = 100_000;

    /** The answers by idempotency key, with how often each was executed (once; a test checks). */
    private final Map<String, Executed> answered = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Executed> eldest) {
            return size() > REMEMBERED;
        }
    };

    private record Executed(ProviderAnswer answer, int times) {}

    public SimulatorProvider(ProviderProperties properties) {
        this.properties = properties;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String referenceFor(long txid) {
        return "sim-" + txid;
    }

    @Override
    public ProviderAnswer preauthorise(ProviderRequest request) {
        return once(request, () -> answer(request, "preauthorisation"));
    }

    @Override
    public ProviderAnswer authorise(ProviderRequest request) {
        return once(request, () -> answer(request, "authorisation"));
    }

    @Override
    public ProviderAnswer capture(ProviderRequest request) {
        return once(request, () -> answer(request, "capture"));
    }

    @Override
    public ProviderAnswer refund(ProviderRequest request) {
        return once(request, () -> answer(request, "refund"));
    }

    @Override
    public ProviderAnswer debit(ProviderRequest request) {
        return once(request, () -> {
            ProviderAnswer answer = answer(request, "debit");
            if (answer.outcome() == ProviderAnswer.Outcome.APPROVED) {
                return answer.withFollowUp(
                        later(request, "debit", SimulatedOutcome.Kind.DEBIT_EXECUTED, answer.providerTxn()));
            }
            return answer;
        });
    }

    /** Voids what the request's operation authorised: always approved in the simulator, whatever the amount. */
    @Override
    public ProviderAnswer cancel(ProviderRequest request) {
        return once(
                request,
                () -> ProviderAnswer.approved(
                        request.providerReference() != null
                                ? request.providerReference()
                                : referenceFor(request.txid()),
                        "simt-" + transactions.incrementAndGet()));
    }

    /** How often the simulator executed the request with this idempotency key: 0 or 1. */
    public int executions(String idempotencyKey) {
        synchronized (answered) {
            Executed executed = answered.get(idempotencyKey);
            return executed == null ? 0 : executed.times();
        }
    }

    /**
     * The request's answer: executed now, or the answer given to its key before (without the delayed outcome, which
     * was handed on the first time). Executing under the map's monitor keeps two tries with one key from both
     * executing; the simulator answers in microseconds, so no caller waits long.
     */
    private ProviderAnswer once(ProviderRequest request, Supplier<ProviderAnswer> execute) {
        String key = request.idempotencyKey();
        synchronized (answered) {
            Executed before = key == null ? null : answered.get(key);
            if (before != null) {
                return before.answer().withFollowUp(null);
            }
            ProviderAnswer answer = execute.get();
            if (key != null) {
                answered.put(key, new Executed(answer, 1));
            }
            return answer;
        }
    }

    private ProviderAnswer answer(ProviderRequest request, String operation) {
        String reference =
                request.providerReference() != null ? request.providerReference() : referenceFor(request.txid());
        String txn = "simt-" + transactions.incrementAndGet();
        return switch ((int) (request.amount() % 100)) {
            case 51 ->
                ProviderAnswer.declined(
                        reference, "DECLINED", "The " + operation + " was declined (simulator: amount ending in 51).");
            case 52 -> throw new ProviderUnavailable("simulator: amount ending in 52 is never reachable");
            case 53 ->
                ProviderAnswer.pending(reference, txn)
                        .withFollowUp(later(request, operation, SimulatedOutcome.Kind.APPROVED, txn));
            case 54 ->
                ProviderAnswer.pending(reference, txn)
                        .withFollowUp(later(request, operation, SimulatedOutcome.Kind.DECLINED, txn));
            case 55 -> {
                if (failedOnce.putIfAbsent(request.idempotencyKey(), Boolean.TRUE) == null) {
                    throw new ProviderUnavailable("simulator: amount ending in 55 fails the first try");
                }
                failedOnce.remove(request.idempotencyKey());
                yield ProviderAnswer.approved(reference, txn);
            }
            default -> ProviderAnswer.approved(reference, txn);
        };
    }

    private SimulatedOutcome later(ProviderRequest request, String operation, SimulatedOutcome.Kind kind, String txn) {
        return new SimulatedOutcome(
                request.txid(), operation, kind, request.amount(), txn, properties.simulatorDelay());
    }
}
