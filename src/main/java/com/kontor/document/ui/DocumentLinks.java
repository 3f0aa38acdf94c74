package com.kontor.document.ui;

import com.kontor.document.DocumentPdf;
import com.kontor.document.DocumentQueries;
import com.kontor.tenancy.CurrentUser;
import com.kontor.tenancy.KontorUser;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.TenancyScope;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Download links of archived documents (DOC-3). The PDF is read when the link is followed, and only then checked on
 * the server: the logged-in person's role and merchant at that moment, the merchant's DOCUMENTS module and the mode of
 * the view the link was made in. A number of another merchant or mode is "not found", like one that does not exist.
 */
@org.springframework.stereotype.Component
public class DocumentLinks {

    private final DocumentQueries queries;
    private final CurrentUser currentUser;
    private final ObjectProvider<DispatchCell> dispatchCell;

    public DocumentLinks(DocumentQueries queries, CurrentUser currentUser, ObjectProvider<DispatchCell> dispatchCell) {
        this.queries = queries;
        this.currentUser = currentUser;
        this.dispatchCell = dispatchCell;
    }

    /** How document {@code number} went to its debtor (DOC-4), from the mail module; empty without it. */
    public Component dispatch(String number) {
        DispatchCell cell = dispatchCell.getIfAvailable();
        return cell == null ? new Span() : cell.cell(number);
    }

    /** A link that downloads document {@code number} of the given mode as {@code <number>.pdf}. */
    public Anchor download(String number, Mode mode, String text) {
        Anchor anchor = new Anchor(handler(number, mode), AttachmentType.DOWNLOAD, text);
        anchor.setId("download-" + number);
        anchor.getElement().setAttribute("aria-label", number + ".pdf");
        return anchor;
    }

    DownloadHandler handler(String number, Mode mode) {
        return event -> send(event, read(number, mode));
    }

    /** The PDF if the person now logged in may read it in this mode; otherwise nothing. */
    Optional<DocumentPdf> read(String number, Mode mode) {
        Optional<KontorUser> user = currentUser.get();
        if (user.isEmpty() || user.get().merchantId() == null) {
            return Optional.empty();
        }
        return TenancyScope.inPartition(
                new Partition(user.get().merchantId(), mode),
                () -> queries.mayRead() ? queries.pdf(number) : Optional.<DocumentPdf>empty());
    }

    private static void send(DownloadEvent event, Optional<DocumentPdf> found) throws IOException {
        if (found.isEmpty()) {
            event.getResponse().setStatus(HttpServletResponse.SC_NOT_FOUND);
            event.setContentType("text/plain;charset=UTF-8");
            event.getWriter().write("Not found");
            return;
        }
        DocumentPdf pdf = found.get();
        event.setFileName(pdf.fileName());
        event.setContentType("application/pdf");
        event.setContentLength(pdf.bytes().length);
        event.getResponse().setHeader("ETag", "\"" + pdf.sha256() + "\"");
        try (OutputStream out = event.getOutputStream()) {
            out.write(pdf.bytes());
        }
    }
}
