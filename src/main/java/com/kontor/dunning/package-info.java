/** Receivables management and dunning (DUN). */
@ApplicationModule(
        displayName = "Dunning",
        allowedDependencies = {
            "tenancy",
            "ui",
            "ledger",
            "debtor",
            "audit",
            "money",
            "text",
            "db",
            "document",
            "document :: ui",
            "mail",
            "mail :: ui"
        })
package com.kontor.dunning;

import org.springframework.modulith.ApplicationModule;
