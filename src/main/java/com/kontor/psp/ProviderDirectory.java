package com.kontor.psp;

import com.kontor.ledger.PaymentMethod;
import com.kontor.psp.simulator.SimulatorProvider;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.Partition;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which provider serves a portal's payments (PSP-5). Test mode: always the built-in simulator. Live mode: a real
 * provider account of the portal; Kontor has no real connector yet, so live payments with a method that needs a
 * provider are refused ({@code PROVIDER_NOT_CONFIGURED}), while invoice, prepayment and cash on delivery (the
 * merchant's own receivables) need none.
 */
@Component
public class ProviderDirectory {

    /** The name of the built-in simulator of test mode (PSP-2) as processes carry it. */
    public static final String SIMULATOR = SimulatorProvider.NAME;

    private final SimulatorProvider simulator;

    public ProviderDirectory(SimulatorProvider simulator) {
        this.simulator = simulator;
    }

    public Optional<PaymentProvider> providerFor(Partition partition, long portalId, PaymentMethod method) {
        if (partition.mode() == Mode.TEST) {
            return Optional.of(simulator);
        }
        return Optional.empty();
    }

    /**
     * The provider by the name stored on a process of this partition. The simulator serves test mode only, so a
     * live process never reaches it, whatever name it carries.
     */
    public Optional<PaymentProvider> byName(Partition partition, String name) {
        return partition.mode() == Mode.TEST && SimulatorProvider.NAME.equals(name)
                ? Optional.of(simulator)
                : Optional.empty();
    }
}
