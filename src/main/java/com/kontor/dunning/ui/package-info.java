/**
 * The dunning views, and what the debtor's page shows of dunning: the process's dunning dialog (DUN-5, DUN-6), the
 * debtor's dunning list and the blocks (DUN-4), opened through {@link com.kontor.dunning.ui.DunningActions}.
 */
@NamedInterface("ui")
package com.kontor.dunning.ui;

import org.springframework.modulith.NamedInterface;
