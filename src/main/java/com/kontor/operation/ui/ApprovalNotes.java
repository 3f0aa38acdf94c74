package com.kontor.operation.ui;

import com.kontor.operation.Approvals;
import com.kontor.operation.internal.ApprovalRequest;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * What of a process waits for a second person, and how the latest requests ended (OPS-6): "Refund of 120.00 waiting
 * for approval", "approved by ...", "rejected by ...: reason".
 */
class ApprovalNotes extends Div {

    private static final int DECIDED_SHOWN = 3;

    ApprovalNotes(List<Approvals.Approval> approvals, ZoneId zone) {
        setId("process-approvals");
        addAttachListener(e -> {
            removeAll();
            DateTimeFormatter at = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                    .withLocale(getLocale())
                    .withZone(zone);
            approvals.stream()
                    .filter(a -> a.status() == ApprovalRequest.Status.PENDING)
                    .forEach(a -> add(note(
                            "pending",
                            getTranslation(
                                    "approval.note.pending",
                                    getTranslation("approval.kind." + a.kind()),
                                    a.amount().format(getLocale()),
                                    a.requestedBy(),
                                    at.format(a.requestedAt())))));
            approvals.stream()
                    .filter(a -> a.status() != ApprovalRequest.Status.PENDING)
                    .limit(DECIDED_SHOWN)
                    .forEach(a -> add(note(
                            a.status() == ApprovalRequest.Status.APPROVED ? "approved" : "rejected",
                            a.status() == ApprovalRequest.Status.APPROVED
                                    ? getTranslation(
                                            "approval.note.approved",
                                            getTranslation("approval.kind." + a.kind()),
                                            a.amount().format(getLocale()),
                                            a.decidedBy(),
                                            at.format(a.decidedAt()),
                                            getTranslation("approval.outcome." + outcome(a.outcome())))
                                    : getTranslation(
                                            "approval.note.rejected",
                                            getTranslation("approval.kind." + a.kind()),
                                            a.amount().format(getLocale()),
                                            a.decidedBy(),
                                            at.format(a.decidedAt()),
                                            a.reason()))));
            setVisible(getComponentCount() > 0);
        });
    }

    private static String outcome(String outcome) {
        if (outcome == null) {
            return "RUNNING";
        }
        return outcome.startsWith("DECLINED") ? "DECLINED" : outcome;
    }

    private static Span note(String kind, String text) {
        Span span = new Span(text);
        span.addClassName("kontor-approval-" + kind);
        span.getElement()
                .getThemeList()
                .add(
                        kind.equals("pending")
                                ? "badge contrast"
                                : kind.equals("approved") ? "badge success" : "badge error");
        span.getStyle().set("display", "block").set("white-space", "normal").set("margin-bottom", "0.25em");
        return span;
    }
}
