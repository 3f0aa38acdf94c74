/** Keys, encryption of single values and keyed fingerprints; depends on nothing. */
@ApplicationModule(
        displayName = "Crypto",
        allowedDependencies = {})
package com.kontor.crypto;

import org.springframework.modulith.ApplicationModule;
