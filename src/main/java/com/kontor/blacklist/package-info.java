/** The blacklist: entries, fingerprints, the check (BL). */
@ApplicationModule(
        displayName = "Blacklist",
        allowedDependencies = {"text", "tenancy", "audit", "crypto", "db"})
package com.kontor.blacklist;

import org.springframework.modulith.ApplicationModule;
