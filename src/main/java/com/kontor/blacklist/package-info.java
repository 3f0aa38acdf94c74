/** The blacklist: entries, fingerprints, the check (BL). */
@ApplicationModule(
        displayName = "Blacklist",
        allowedDependencies = {"tenancy", "audit", "crypto"})
package com.kontor.blacklist;

import org.springframework.modulith.ApplicationModule;
