@ApplicationModule(allowedDependencies = {"ledger"})
package com.kontor.modularityfixture.search;

import org.springframework.modulith.ApplicationModule;
