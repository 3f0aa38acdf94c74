@ApplicationModule(allowedDependencies = {})
package com.kontor.modularityfixture.ledger;

import org.springframework.modulith.ApplicationModule;
