package com.kontor.blacklist.ui;

import com.kontor.tenancy.BookedModule;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.RequiresModule;
import com.kontor.tenancy.Role;
import com.kontor.ui.PlannedAreaView;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** The merchant's blacklist (BL-4); only with the risk management module, only for SUPPORT and ADMIN. */
@Route(Mode.ROUTE_PREFIX + "blacklist")
@Menu(title = "nav.blacklist", order = 50, icon = "vaadin:ban")
@RolesAllowed({Role.Names.SUPPORT, Role.Names.ADMIN})
@RequiresModule(BookedModule.RISK)
public class BlacklistView extends PlannedAreaView {
    public BlacklistView() {
        super("nav.blacklist", "area.blacklist");
    }
}
