/** Demo and benchmark data generators; nothing imports them. */
@ApplicationModule(
        displayName = "Demo data",
        allowedDependencies = {
            "api",
            "blacklist",
            "db",
            "debtor",
            "dunning",
            "embedded",
            "ledger",
            "money",
            "psp",
            "tenancy"
        })
package com.kontor.demo;

import org.springframework.modulith.ApplicationModule;
