/** Bulk inserts and reserved blocks of sequence values; depends on nothing. */
@ApplicationModule(
        displayName = "Database helpers",
        allowedDependencies = {})
package com.kontor.db;

import org.springframework.modulith.ApplicationModule;
