package com.kontor.document.ui;

import com.kontor.db.RetryingTransactions;
import com.kontor.document.DocumentIssuer;
import com.kontor.document.DocumentQueries;
import com.kontor.document.DocumentType;
import com.kontor.document.IssuedDocument;
import com.kontor.document.MandatePdfs;
import com.kontor.ledger.ProcessDetails;
import com.kontor.ledger.ProcessStatus;
import com.kontor.tenancy.CurrentUser;
import com.kontor.tenancy.KontorUser;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What the debtor's page offers of the archive (DOC-2, DOC-3): a "Documents" button on the debtor and on the process
 * that lists their documents with downloads, and "Issue invoice" on a process that has none, for FINANCE and ADMIN
 * where the merchant booked DOCUMENTS. Each button is there only where it fits; the issuer and the queries check
 * again on the server.
 */
@Component
public class DocumentActions {

    private final DocumentIssuer issuer;
    private final DocumentQueries queries;
    private final DocumentLinks links;
    private final MandatePdfs mandates;
    private final MandateDownloads mandateDownloads;
    private final CurrentUser currentUser;
    private final RetryingTransactions transaction;

    public DocumentActions(
            DocumentIssuer issuer,
            DocumentQueries queries,
            DocumentLinks links,
            MandatePdfs mandates,
            MandateDownloads mandateDownloads,
            CurrentUser currentUser,
            PlatformTransactionManager transactionManager) {
        this.issuer = issuer;
        this.queries = queries;
        this.links = links;
        this.mandates = mandates;
        this.mandateDownloads = mandateDownloads;
        this.currentUser = currentUser;
        this.transaction = new RetryingTransactions(transactionManager);
    }

    /** "Documents" on the debtor: its invoices and credit notes in a dialog; absent without the module or role. */
    public Optional<Button> debtorDocumentsButton(long debtorId, String debtorName, String mode) {
        if (!queries.mayRead()) {
            return Optional.empty();
        }
        // the menu's Documents icon, labelled by tooltip and for screen readers: a sixth text button would push the
        // debtor's buttons into a third row at 1,280 px and the processes below out of view
        Button button = small(new Button(VaadinIcon.FILE_TEXT_O.create()), "debtor-documents");
        button.addThemeVariants(ButtonVariant.LUMO_ICON);
        button.setTooltipText(button.getTranslation("documents.button"));
        button.getElement().setAttribute("aria-label", button.getTranslation("documents.button"));
        button.addClickListener(e -> new DocumentListDialog(
                        button.getTranslation("documents.ofDebtor", debtorName),
                        queries.documentsOfDebtor(debtorId),
                        links,
                        mode(mode),
                        queries.timeZone())
                .open());
        return Optional.of(button);
    }

    /** "Documents" on the process: its invoice and credit notes in a dialog. */
    public Optional<Button> processDocumentsButton(long txid, String mode) {
        if (!queries.mayRead()) {
            return Optional.empty();
        }
        Button button = new Button();
        button.setId("process-documents");
        button.setText(button.getTranslation("documents.button"));
        button.addClickListener(e -> new DocumentListDialog(
                        button.getTranslation("documents.ofProcess", Long.toString(txid)),
                        queries.documentsOfProcess(txid),
                        links,
                        mode(mode),
                        queries.timeZone())
                .open());
        return Optional.of(button);
    }

    /**
     * "Issue invoice" for a process without an invoice (one issued here or one numbered elsewhere), not failed or
     * abandoned, for FINANCE and ADMIN with DOCUMENTS booked. A double click issues once: the button disables itself,
     * and a second tab gets the invoice the first one issued.
     */
    public Optional<Button> issueInvoiceButton(ProcessDetails p, Runnable afterwards) {
        KontorUser user = currentUser.get().orElse(null);
        boolean mayIssue = user != null && (user.hasRole(Role.FINANCE) || user.hasRole(Role.ADMIN));
        if (!mayIssue
                || !issuer.enabled()
                || p.invoiceNumber() != null
                || p.status() == ProcessStatus.ERROR
                || p.status() == ProcessStatus.EMPTY
                || queries.documentsOfProcess(p.txid()).stream().anyMatch(d -> d.type() == DocumentType.INVOICE)) {
            return Optional.empty();
        }
        Button button = small(new Button(), "issue-invoice");
        button.setText(button.getTranslation("documents.issueInvoice"));
        button.setDisableOnClick(true);
        button.addClickListener(e -> {
            IssuedDocument issued = transaction.write(status -> issuer.issueInvoice(p.txid()));
            Notification done = Notification.show(button.getTranslation("documents.issued", issued.number()));
            done.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            afterwards.run();
        });
        return Optional.of(button);
    }

    /**
     * The debtor's SEPA mandates with their PDFs (DEB-6), for the payment data; absent for a role that does not see
     * them.
     */
    public Optional<com.vaadin.flow.component.Component> mandates(long debtorId, String mode) {
        if (!mandates.mayRead()) {
            return Optional.empty();
        }
        return Optional.of(new MandateList(mandates.mandatesOf(debtorId), mode(mode), mandateDownloads));
    }

    private static Button small(Button button, String id) {
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.setId(id);
        return button;
    }

    private static Mode mode(String segment) {
        return Mode.fromUrlSegment(segment).orElseThrow(() -> new IllegalArgumentException("No mode " + segment));
    }
}
