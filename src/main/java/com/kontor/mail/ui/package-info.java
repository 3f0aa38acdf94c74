/** The Emails view (the Outbox in test mode), the copy of an email and the dispatch cell of the document lists. */
@NamedInterface("ui")
package com.kontor.mail.ui;

import org.springframework.modulith.NamedInterface;
