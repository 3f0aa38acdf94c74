package com.kontor.tenancy;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The one place that says which merchant and which mode the current work belongs to. Hibernate asks it for the
 * partition of every session ({@code @TenantId}) and for the merchant of every merchant-scoped query (the
 * {@code merchantScope} filter), so no query can forget either.
 *
 * <p>Sources, first match wins: an explicit {@link TenancyScope} (API key, notification key, job, test); else the
 * logged-in user's merchant plus the mode of the view's URL ({@link ModeSource}). Without either there is no
 * partition, and queries see nothing.
 */
@Component
public class CurrentTenancy {

    private final CurrentUser currentUser;
    private final List<ModeSource> modeSources;

    public CurrentTenancy(CurrentUser currentUser, List<ModeSource> modeSources) {
        this.currentUser = currentUser;
        this.modeSources = modeSources;
    }

    public Optional<Long> merchantId() {
        TenancyScope.Scope scope = TenancyScope.current();
        if (scope != null) {
            return Optional.of(scope.merchantId());
        }
        return currentUser.get().map(KontorUser::merchantId);
    }

    public Optional<Partition> partition() {
        TenancyScope.Scope scope = TenancyScope.current();
        if (scope != null) {
            return Optional.ofNullable(scope.partition());
        }
        return currentUser
                .get()
                .filter(user -> user.merchantId() != null)
                .flatMap(user -> currentMode().map(mode -> new Partition(user.merchantId(), mode)));
    }

    public Partition requirePartition() {
        return partition().orElseThrow(() -> new IllegalStateException("No merchant and mode for this work"));
    }

    private Optional<Mode> currentMode() {
        for (ModeSource source : modeSources) {
            Optional<Mode> mode = source.currentMode();
            if (mode.isPresent()) {
                return mode;
            }
        }
        return Optional.empty();
    }
}
