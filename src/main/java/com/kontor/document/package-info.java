/** Jasper templates, numbering and the archive of documents (DOC). */
@ApplicationModule(
        displayName = "Documents",
        allowedDependencies = {"tenancy", "ui", "ledger", "debtor", "audit", "money", "db"})
package com.kontor.document;

import org.springframework.modulith.ApplicationModule;
