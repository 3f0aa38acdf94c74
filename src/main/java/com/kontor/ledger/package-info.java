/** Payment processes, bookings, balances (TX): the only module that writes them. */
@ApplicationModule(
        displayName = "Ledger",
        allowedDependencies = {"tenancy", "money", "db"})
package com.kontor.ledger;

import org.springframework.modulith.ApplicationModule;
