/** The debtor detail view, which the search links to. */
@NamedInterface("views")
package com.kontor.customer.ui;

import org.springframework.modulith.NamedInterface;
