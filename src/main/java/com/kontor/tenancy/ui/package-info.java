/**
 * The administration views of the merchant (users, settings, letterhead) and the platform operator's view;
 * {@link com.kontor.tenancy.ui.AdminTabs} is shared with the admin views of booked modules (the dunning procedure).
 */
@NamedInterface("ui")
package com.kontor.tenancy.ui;

import org.springframework.modulith.NamedInterface;
