/** The debtor and payment search (SRCH): a read model over the other modules' tables. */
@ApplicationModule(
        displayName = "Search",
        allowedDependencies = {"ledger", "debtor", "tenancy", "crypto", "money", "customer :: views"})
package com.kontor.search;

import org.springframework.modulith.ApplicationModule;
