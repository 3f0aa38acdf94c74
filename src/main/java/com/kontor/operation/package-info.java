/** Payments, captures, refunds and four-eyes approvals a person or a shop starts (OPS). */
@ApplicationModule(
        displayName = "Money operations",
        allowedDependencies = {
            "text",
            "db",
            "ledger",
            "psp",
            "debtor",
            "blacklist",
            "tenancy",
            "audit",
            "money",
            "ui",
            "document"
        })
package com.kontor.operation;

import org.springframework.modulith.ApplicationModule;
