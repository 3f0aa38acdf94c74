package com.kontor.document.ui;

import com.kontor.tenancy.BookedModule;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.RequiresModule;
import com.kontor.tenancy.Role;
import com.kontor.ui.PlannedAreaView;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** Invoices, credit notes, dunning letters and mandates of the merchant (DOC-3). */
@Route(Mode.ROUTE_PREFIX + "documents")
@Menu(title = "nav.documents", order = 40, icon = "vaadin:file-text-o")
@RolesAllowed({Role.Names.SUPPORT, Role.Names.FINANCE, Role.Names.APPROVER, Role.Names.AUDITOR, Role.Names.ADMIN})
@RequiresModule(BookedModule.DOCUMENTS)
public class DocumentsView extends PlannedAreaView {
    public DocumentsView() {
        super("nav.documents", "area.documents");
    }
}
