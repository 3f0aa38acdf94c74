package com.kontor.psp;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.stereotype.Component;

/**
 * Calls a provider with a timeout per try and retries transient failures with exponential backoff (PSP-1), using
 * Spring Framework's own {@link RetryTemplate} rather than a hand-written loop. The request's idempotency key stays
 * the same across tries, so the provider executes it once. When all tries fail the answer is an ERROR, never an
 * exception: the caller records it like any other outcome.
 */
@Component
public class ProviderGateway {

    private static final Logger log = LoggerFactory.getLogger(ProviderGateway.class);

    private final ProviderProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RetryTemplate retries;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    public ProviderGateway(ProviderProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.retries = new RetryTemplate(RetryPolicy.builder()
                .maxRetries(properties.retries())
                .delay(properties.backoff())
                .multiplier(2)
                .includes(ProviderUnavailable.class, TimeoutException.class)
                .build());
    }

    /**
     * Asks the provider and notes the request and its answer for the process's provider log (references and
     * outcomes, never a sensitive value). An outcome the provider will report later (the simulator's) is handed to
     * the notification path, stored once the caller's transaction commits (or at once outside one).
     */
    public ProviderCall call(PaymentProvider provider, ProviderOperation operation, ProviderRequest request) {
        List<ProviderExchange> exchanges = new ArrayList<>(2);
        exchanges.add(new ProviderExchange(
                Instant.now(clock),
                "REQUEST",
                operation.logName(),
                null,
                request.amount(),
                request.providerReference(),
                "idempotency key " + request.idempotencyKey()));
        ProviderAnswer answer = call(provider, request, r -> operation.sendTo(provider, r));
        if (answer.followUp() != null) {
            events.publishEvent(answer.followUp());
        }
        exchanges.add(new ProviderExchange(
                Instant.now(clock),
                "ANSWER",
                operation.logName(),
                answer.outcome().name(),
                request.amount(),
                answer.providerTxn() != null ? answer.providerTxn() : answer.providerReference(),
                answer.errorCode() == null ? null : answer.errorCode() + ": " + answer.errorMessage()));
        return new ProviderCall(answer, exchanges);
    }

    private ProviderAnswer call(
            PaymentProvider provider, ProviderRequest request, Function<ProviderRequest, ProviderAnswer> operation) {
        try {
            return retries.execute(() -> once(request, operation));
        } catch (RetryException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            log.warn("{} failed for {} after retries: {}", provider.name(), request, cause.toString());
            boolean timeout = cause instanceof TimeoutException;
            return ProviderAnswer.error(
                    request.providerReference(),
                    timeout ? "PROVIDER_TIMEOUT" : "PROVIDER_UNAVAILABLE",
                    timeout ? "The provider did not answer in time." : "The provider could not be reached.");
        }
    }

    private ProviderAnswer once(ProviderRequest request, Function<ProviderRequest, ProviderAnswer> operation)
            throws TimeoutException, InterruptedException {
        Future<ProviderAnswer> answer = calls.submit(() -> operation.apply(request));
        try {
            return answer.get(properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
