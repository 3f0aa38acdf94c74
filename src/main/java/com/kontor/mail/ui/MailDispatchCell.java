package com.kontor.mail.ui;

import com.kontor.document.ui.DispatchCell;
import com.kontor.mail.DocumentDispatch;
import com.kontor.mail.MailQueries;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The "Dispatch" cell of the document lists (DOC-4): "Email sent 07.12.", "In outbox (test)", "Retrying", "Post".
 * An email dispatch opens the copy.
 */
@org.springframework.stereotype.Component
class MailDispatchCell implements DispatchCell {

    private final MailQueries queries;
    private final EmailCopyDialog copies;

    MailDispatchCell(MailQueries queries, EmailCopyDialog copies) {
        this.queries = queries;
        this.copies = copies;
    }

    @Override
    public Component cell(String number) {
        Optional<DocumentDispatch> found = queries.mayRead() ? queries.dispatch(number) : Optional.empty();
        Span empty = new Span();
        if (found.isEmpty()) {
            return empty;
        }
        DocumentDispatch dispatch = found.get();
        String text = switch (dispatch.channel()) {
            case PENDING -> empty.getTranslation("dispatch.pending");
            case POST -> empty.getTranslation("dispatch.post");
            case EMAIL ->
                switch (dispatch.emailStatus()) {
                    case SENT ->
                        empty.getTranslation(
                                "dispatch.emailSent",
                                DateTimeFormatter.ofPattern("dd.MM.")
                                        .withZone(queries.timeZone())
                                        .format(dispatch.sentAt()));
                    case OUTBOX -> empty.getTranslation("dispatch.outbox");
                    case QUEUED -> empty.getTranslation("dispatch.queued");
                    case RETRYING -> empty.getTranslation("dispatch.retrying");
                    case FAILED -> empty.getTranslation("dispatch.failed");
                };
        };
        if (dispatch.emailId() == null) {
            Span span = new Span(text);
            span.setId("dispatch-" + number);
            return span;
        }
        long emailId = dispatch.emailId();
        Button open = new Button(text, e -> copies.open(emailId));
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        open.setId("dispatch-" + number);
        return open;
    }
}
