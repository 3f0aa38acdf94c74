/** Merchants, portals, users, roles, modes, the partition (ACC); the base of every business module. */
@ApplicationModule(
        displayName = "Tenancy",
        allowedDependencies = {"audit", "money", "db"})
package com.kontor.tenancy;

import org.springframework.modulith.ApplicationModule;
