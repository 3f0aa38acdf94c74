/** The Documents view and what the debtor's page shows of the archive: document lists, downloads, issuing. */
@NamedInterface("ui")
package com.kontor.document.ui;

import org.springframework.modulith.NamedInterface;
