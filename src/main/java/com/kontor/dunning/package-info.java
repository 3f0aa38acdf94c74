/** Receivables management and dunning (DUN). */
@ApplicationModule(
        displayName = "Dunning",
        allowedDependencies = {"tenancy", "tenancy :: ui", "ui", "audit", "money", "text", "db"})
package com.kontor.dunning;

import org.springframework.modulith.ApplicationModule;
