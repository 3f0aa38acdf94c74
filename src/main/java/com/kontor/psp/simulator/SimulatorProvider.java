package com.kontor.psp.simulator;

import com.kontor.psp.PaymentProvider;
import com.kontor.psp.ProviderAnswer;
import com.kontor.psp.ProviderProperties;
import com.kontor.psp.ProviderRequest;
import com.kontor.psp.ProviderUnavailable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
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
        return answer(request, "preauthorisation");
    }

    @Override
    public ProviderAnswer authorise(ProviderRequest request) {
        return answer(request, "authorisation");
    }

    @Override
    public ProviderAnswer capture(ProviderRequest request) {
        return answer(request, "capture");
    }

    @Override
    public ProviderAnswer refund(ProviderRequest request) {
        return answer(request, "refund");
    }

    @Override
    public ProviderAnswer debit(ProviderRequest request) {
        ProviderAnswer answer = answer(request, "debit");
        if (answer.outcome() == ProviderAnswer.Outcome.APPROVED) {
            return answer.withFollowUp(
                    later(request, "debit", SimulatedOutcome.Kind.DEBIT_EXECUTED, answer.providerTxn()));
        }
        return answer;
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
