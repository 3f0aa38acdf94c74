/** Providers, the simulator, notifications and provider accounts (PSP); books through the ledger. */
@ApplicationModule(
        displayName = "Payment providers",
        allowedDependencies = {"ledger", "debtor", "tenancy", "audit", "crypto", "money", "text", "db"})
package com.kontor.psp;

import org.springframework.modulith.ApplicationModule;
