package com.kontor.mail.ui;

import com.kontor.document.ui.DocumentLinks;
import com.kontor.mail.EmailCopy;
import com.kontor.mail.EmailStatus;
import com.kontor.mail.MailQueries;
import com.kontor.mail.Mailer;
import com.kontor.tenancy.CurrentUser;
import com.kontor.tenancy.Mode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Opens the kept copy of an email (DUN-7): sender, recipient, subject, body, the attached PDF (a download from the
 * archive), status, attempts and the last error; FINANCE and ADMIN send a FAILED email again. Other modules call
 * {@link #open(long)} (a Spring bean, so it reads through the server-side checks of {@link MailQueries}).
 */
@Component
public class EmailCopyDialog {

    private final MailQueries queries;
    private final Mailer mailer;
    private final DocumentLinks links;
    private final CurrentUser currentUser;

    public EmailCopyDialog(MailQueries queries, Mailer mailer, DocumentLinks links, CurrentUser currentUser) {
        this.queries = queries;
        this.mailer = mailer;
        this.links = links;
        this.currentUser = currentUser;
    }

    /** Opens email {@code emailId} of the current partition; an email of another one says "not found". */
    public void open(long emailId) {
        open(emailId, null);
    }

    /** As {@link #open(long)}; {@code afterSendAgain} runs when the user sent a FAILED email again. */
    public void open(long emailId, Runnable afterSendAgain) {
        Optional<EmailCopy> copy = queries.copy(emailId);
        if (copy.isEmpty()) {
            Notification.show("Not found").addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        new CopyDialog(copy.get(), afterSendAgain).open();
    }

    private final class CopyDialog extends Dialog {

        CopyDialog(EmailCopy copy, Runnable afterSendAgain) {
            setId("email-copy");
            setHeaderTitle(copy.subject());
            setWidth("min(48em, 95vw)");
            Mode mode = queries.partition().mode();
            DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                    .withLocale(getLocale())
                    .withZone(queries.timeZone());
            VerticalLayout content = new VerticalLayout();
            content.setPadding(false);
            content.setSpacing(false);
            content.add(line("email-copy-from", "emails.copy.from", copy.from()));
            content.add(line("email-copy-to", "emails.copy.to", copy.to()));
            content.add(line("email-copy-subject", "emails.copy.subject", copy.subject()));
            content.add(line("email-copy-created", "emails.copy.created", time.format(copy.createdAt())));
            String status = getTranslation("emails.status." + copy.status());
            if (copy.sentAt() != null) {
                status += " " + time.format(copy.sentAt());
            }
            content.add(line("email-copy-status", "emails.col.status", status));
            content.add(line("email-copy-attempts", "emails.col.attempts", Integer.toString(copy.attempts())));
            if (copy.lastError() != null) {
                content.add(line("email-copy-error", "emails.col.lastError", copy.lastError()));
            }
            if (copy.attachmentDocumentNumber() != null) {
                Div attachment = new Div(new Span(getTranslation("emails.copy.attachment") + ": "));
                attachment.add(links.download(
                        copy.attachmentDocumentNumber(), mode, copy.attachmentDocumentNumber() + ".pdf"));
                attachment.setId("email-copy-attachment");
                content.add(attachment);
            }
            Pre body = new Pre(copy.body());
            body.setId("email-copy-body");
            body.getStyle().set("white-space", "pre-wrap").set("font-family", "inherit");
            content.add(body);
            add(content);
            boolean mayResend = copy.status() == EmailStatus.FAILED
                    && currentUser
                            .get()
                            .map(u -> u.roles().stream().anyMatch(Mailer.RESENDERS::contains))
                            .orElse(false);
            if (mayResend) {
                Button again = new Button(getTranslation("emails.sendAgain"), e -> {
                    mailer.sendAgain(copy.id());
                    Notification.show(getTranslation("emails.sentAgain"))
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    close();
                    if (afterSendAgain != null) {
                        afterSendAgain.run();
                    }
                });
                again.setId("email-send-again");
                getFooter().add(again);
            }
            Button close = new Button(getTranslation("common.close"), e -> close());
            close.setId("email-copy-close");
            getFooter().add(close);
        }

        private Div line(String id, String labelKey, String value) {
            Span label = new Span(getTranslation(labelKey) + ": ");
            label.getStyle().set("font-weight", "600");
            Div div = new Div(label, new Span(value == null ? "" : value));
            div.setId(id);
            return div;
        }
    }
}
