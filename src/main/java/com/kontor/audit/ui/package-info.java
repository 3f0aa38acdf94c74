/** The audit log's view, which other modules link to (a debtor's log). */
@NamedInterface("views")
package com.kontor.audit.ui;

import org.springframework.modulith.NamedInterface;
