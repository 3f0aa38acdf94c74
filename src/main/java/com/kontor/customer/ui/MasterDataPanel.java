package com.kontor.customer.ui;

import com.kontor.debtor.DebtorDetails;
import com.kontor.debtor.MasterData;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.List;

/** The left column's head (TX-6): the debtor's name, numbers, company, address and phone. */
class MasterDataPanel extends VerticalLayout {

    MasterDataPanel(DebtorDetails debtor) {
        MasterData m = debtor.masterData();
        setPadding(false);
        setSpacing(false);
        H2 name = new H2(m.displayName());
        name.setId("debtor-name");
        add(name);
        add(line("detail.debtorNumber", Long.toString(debtor.debtorNumber()), "debtor-number"));
        add(line("detail.customerId", debtor.customerId(), "debtor-customer-id"));
        if (m.company() != null && m.lastName() != null) {
            add(line("detail.company", m.company(), "debtor-company"));
        }
        add(line(
                "detail.address",
                join(", ", m.street(), m.addressLine2(), join(" ", m.postcode(), m.city()), m.country()),
                "debtor-address"));
        add(line("detail.phone", m.phone(), "debtor-phone"));
    }

    private LabelledValue line(String labelKey, String value, String id) {
        return new LabelledValue(getTranslation(labelKey), value, id);
    }

    private static String join(String separator, String... parts) {
        List<String> present = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                present.add(part);
            }
        }
        return String.join(separator, present);
    }
}
