/** The money dialogs of the process panel and the approvals view; the detail view opens the dialogs. */
@NamedInterface("dialogs")
package com.kontor.operation.ui;

import org.springframework.modulith.NamedInterface;
