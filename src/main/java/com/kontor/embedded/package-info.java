/** The embedded MariaDB of the README's commands; depends on nothing. */
@ApplicationModule(
        displayName = "Embedded MariaDB",
        allowedDependencies = {})
package com.kontor.embedded;

import org.springframework.modulith.ApplicationModule;
