package com.kontor.dunning.ui;

import com.kontor.tenancy.BookedModule;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.RequiresModule;
import com.kontor.tenancy.Role;
import com.kontor.ui.PlannedAreaView;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** Dunning runs and proposals (DUN); only with the receivables management module. */
@Route(Mode.ROUTE_PREFIX + "dunning")
@Menu(title = "nav.dunning", order = 30, icon = "vaadin:envelopes-o")
@RolesAllowed({Role.Names.FINANCE, Role.Names.ADMIN})
@RequiresModule(BookedModule.DUNNING)
public class DunningView extends PlannedAreaView {
    public DunningView() {
        super("nav.dunning", "area.dunning");
    }
}
