package com.kontor.modularityfixture.search;

import com.kontor.modularityfixture.psp.Notifications;

/** Uses a module it did not declare: the dependency ModularityTest must refuse. */
public class SearchView {

    Notifications notifications = new Notifications();
}
