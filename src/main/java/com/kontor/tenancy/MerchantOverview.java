package com.kontor.tenancy;

import java.util.List;
import java.util.Set;

/** A merchant as the platform operator sees it: no debtors, no money. */
public record MerchantOverview(long id, String name, Set<BookedModule> modules, List<String> portals, long users) {}
