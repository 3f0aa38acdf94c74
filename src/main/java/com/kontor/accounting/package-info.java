/**
 * The finance overview (TX-7, ACCT-1): the merchant-wide payments list with its CSV export, the per-merchant account
 * mapping, and the period's bookings as CSV and as a DATEV-style booking batch. Reads bookings and processes as a
 * read model (like search), writes only its own tables.
 */
@ApplicationModule(
        displayName = "Accounting",
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
            "psp"
        })
package com.kontor.accounting;

import org.springframework.modulith.ApplicationModule;
