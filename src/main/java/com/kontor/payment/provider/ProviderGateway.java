package com.kontor.payment.provider;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private final RetryTemplate retries;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    public ProviderGateway(ProviderProperties properties) {
        this.properties = properties;
        this.retries = new RetryTemplate(RetryPolicy.builder()
                .maxRetries(properties.retries())
                .delay(properties.backoff())
                .multiplier(2)
                .includes(ProviderUnavailable.class, TimeoutException.class)
                .build());
    }

    public ProviderAnswer call(
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
