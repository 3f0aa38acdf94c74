/** Debtors: master and payment data, history, comments (DEB, AUD-4). */
@ApplicationModule(
        displayName = "Debtors",
        allowedDependencies = {"text", "tenancy", "audit", "crypto", "db"})
package com.kontor.debtor;

import org.springframework.modulith.ApplicationModule;
