package com.kontor.dunning.ui;

import com.kontor.document.ui.DocumentLinks;
import com.kontor.dunning.DunningBlocks;
import com.kontor.dunning.DunningService;
import com.kontor.mail.ui.EmailCopyDialog;
import com.kontor.tenancy.MerchantDirectory;
import com.kontor.tenancy.Mode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.springframework.stereotype.Component;

/**
 * What the debtor's page offers of dunning (DUN-4..6): a "Dunning" button on the process (its steps, a level by hand,
 * the next notice, its blocks) and one on the debtor (its dunning list and blocks). The buttons are there only with
 * the DUNNING module and a role that reads dunning (SUPPORT, FINANCE, AUDITOR, ADMIN); changing is for FINANCE and
 * ADMIN. The services check both again on the server.
 */
@Component
public class DunningActions {

    private final DunningService dunning;
    private final DunningBlocks blocks;
    private final DocumentLinks documents;
    private final EmailCopyDialog emails;
    private final MerchantDirectory merchants;

    public DunningActions(
            DunningService dunning,
            DunningBlocks blocks,
            DocumentLinks documents,
            EmailCopyDialog emails,
            MerchantDirectory merchants) {
        this.dunning = dunning;
        this.blocks = blocks;
        this.documents = documents;
        this.emails = emails;
        this.merchants = merchants;
    }

    /**
     * "Dunning" on the process, or nothing without the module or role; {@code afterChange} runs when the dialog
     * closes after a change (the page shows the new level).
     */
    public Optional<Button> processDunningButton(long txid, String mode, Runnable afterChange) {
        if (!blocks.mayRead()) {
            return Optional.empty();
        }
        Button button = new Button();
        button.setId("process-dunning-open");
        button.setText(button.getTranslation("dunningDialog.button"));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.addClickListener(e -> new ProcessDunningDialog(
                        txid, dunning, blocks, links(mode), blocks.mayChange(), zone(), afterChange)
                .open());
        return Optional.of(button);
    }

    /** "Dunning" on the debtor, or nothing without the module or role; a TXID in its list calls {@code openProcess}. */
    public Optional<Button> debtorDunningButton(
            long debtorId, String debtorName, String mode, LongConsumer openProcess) {
        if (!blocks.mayRead()) {
            return Optional.empty();
        }
        // an icon labelled by tooltip and for screen readers, like the documents beside it: one more text button
        // would push the debtor's buttons into a third row at 1,280 px
        Button button = new Button(VaadinIcon.ENVELOPES_O.create());
        button.setId("debtor-dunning");
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ICON);
        button.setTooltipText(button.getTranslation("dunningDialog.button"));
        button.getElement().setAttribute("aria-label", button.getTranslation("dunningDialog.button"));
        button.addClickListener(e -> new DebtorDunningDialog(
                        debtorId, debtorName, dunning, blocks, links(mode), blocks.mayChange(), zone(), openProcess)
                .open());
        return Optional.of(button);
    }

    private DunningLinks links(String mode) {
        return new DunningLinks(
                documents,
                emails,
                Mode.fromUrlSegment(mode).orElseThrow(() -> new IllegalArgumentException("No mode " + mode)));
    }

    private java.time.ZoneId zone() {
        return merchants.requireCurrent().settings().timeZone();
    }
}
