/** The debtor's account as a whole: the detail view and what it composes (TX-5, TX-6). */
@ApplicationModule(
        displayName = "Customer account",
        allowedDependencies = {
            "ledger",
            "psp",
            "debtor",
            "blacklist",
            "tenancy",
            "audit",
            "audit :: views",
            "money",
            "operation",
            "operation :: dialogs",
            "document",
            "document :: ui",
            "dunning",
            "dunning :: ui"
        })
package com.kontor.customer;

import org.springframework.modulith.ApplicationModule;
