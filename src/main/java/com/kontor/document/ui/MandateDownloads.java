package com.kontor.document.ui;

import com.kontor.document.DocumentPdf;
import com.kontor.document.MandatePdfs;
import com.kontor.tenancy.CurrentUser;
import com.kontor.tenancy.KontorUser;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.TenancyScope;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Downloads of SEPA mandates as PDF (DEB-6). The PDF is rendered when the link is followed, and only then checked on
 * the server: the person logged in at that moment, their role and merchant, and the mode of the view the link was
 * made in. A mandate of another merchant or mode is "not found", like one that does not exist.
 */
@Component
public class MandateDownloads {

    private final MandatePdfs pdfs;
    private final CurrentUser currentUser;

    public MandateDownloads(MandatePdfs pdfs, CurrentUser currentUser) {
        this.pdfs = pdfs;
        this.currentUser = currentUser;
    }

    DownloadHandler handler(long mandateId, Mode mode) {
        return event -> send(event, read(mandateId, mode));
    }

    /** The mandate's PDF if the person now logged in may read it in this mode; otherwise nothing. */
    public Optional<DocumentPdf> read(long mandateId, Mode mode) {
        Optional<KontorUser> user = currentUser.get();
        if (user.isEmpty() || user.get().merchantId() == null) {
            return Optional.empty();
        }
        return TenancyScope.inPartition(new Partition(user.get().merchantId(), mode), () -> pdfs.pdf(mandateId));
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
        try (OutputStream out = event.getOutputStream()) {
            out.write(pdf.bytes());
        }
    }
}
