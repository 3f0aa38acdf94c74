/** Receivables management and dunning (DUN). */
@ApplicationModule(
        displayName = "Dunning",
        allowedDependencies = {
            "tenancy",
            "tenancy :: ui",
            "ui",
            "ledger",
            "debtor",
            "audit",
            "text",
            "money",
            "db",
            "document",
            "document :: ui",
            "mail",
            "mail :: ui"
        })
package com.kontor.dunning;

import org.springframework.modulith.ApplicationModule;
