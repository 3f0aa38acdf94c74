/** The append-only audit log with its seal chain (AUD); below every module that records into it. */
@ApplicationModule(
        displayName = "Audit",
        allowedDependencies = {"crypto", "db"})
package com.kontor.audit;

import org.springframework.modulith.ApplicationModule;
