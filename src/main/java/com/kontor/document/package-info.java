/** Jasper templates, numbering and the archive of documents (DOC). */
@ApplicationModule(
        displayName = "Documents",
        allowedDependencies = {"tenancy", "ui"})
package com.kontor.document;

import org.springframework.modulith.ApplicationModule;
