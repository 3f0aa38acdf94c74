@ApplicationModule(allowedDependencies = {"ledger"})
package com.kontor.modularityfixture.psp;

import org.springframework.modulith.ApplicationModule;
