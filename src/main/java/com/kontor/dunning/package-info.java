/** Receivables management and dunning (DUN). */
@ApplicationModule(
        displayName = "Dunning",
        allowedDependencies = {"tenancy", "ui"})
package com.kontor.dunning;

import org.springframework.modulith.ApplicationModule;
