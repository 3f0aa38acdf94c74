/** Money: minor units and an ISO 4217 currency; depends on nothing. */
@ApplicationModule(
        displayName = "Money",
        allowedDependencies = {})
package com.kontor.money;

import org.springframework.modulith.ApplicationModule;
