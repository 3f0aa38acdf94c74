/**
 * Emails to debtors (DUN-7, DOC-4, ACC-3): the kept copy of every email, sending after the commit with retries, the
 * test mode's outbox, the embedded mail server of the demo, the dispatch of issued invoices and credit notes and the
 * Emails view.
 */
@ApplicationModule(
        displayName = "Mail",
        allowedDependencies = {"tenancy", "ui", "debtor", "document", "document :: ui", "audit", "db", "money"})
package com.kontor.mail;

import org.springframework.modulith.ApplicationModule;
