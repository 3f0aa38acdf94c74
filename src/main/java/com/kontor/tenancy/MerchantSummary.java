package com.kontor.tenancy;

import java.util.List;
import java.util.Set;

/** What every view of a merchant needs to know about it: name, booked modules, portals, settings. */
public record MerchantSummary(
        long id, String name, Set<BookedModule> modules, List<PortalSummary> portals, SettingsSnapshot settings) {

    public boolean hasModule(BookedModule module) {
        return modules.contains(module);
    }
}
