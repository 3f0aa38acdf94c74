package com.kontor.operation.ui;

import com.kontor.tenancy.Mode;
import com.kontor.tenancy.Role;
import com.kontor.ui.PlannedAreaView;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** Pending four-eyes approvals (OPS-6). */
@Route(Mode.ROUTE_PREFIX + "approvals")
@Menu(title = "nav.approvals", order = 20, icon = "vaadin:check-square-o")
@RolesAllowed({Role.Names.APPROVER, Role.Names.FINANCE})
public class ApprovalsView extends PlannedAreaView {
    public ApprovalsView() {
        super("nav.approvals", "area.approvals");
    }
}
