/** The shop's JSON API and the provider notifications' HTTP side (API). */
@ApplicationModule(
        displayName = "Shop API",
        allowedDependencies = {
            "text",
            "db",
            "operation",
            "ledger",
            "document",
            "psp",
            "debtor",
            "blacklist",
            "tenancy",
            "audit",
            "money"
        })
package com.kontor.api;

import org.springframework.modulith.ApplicationModule;
