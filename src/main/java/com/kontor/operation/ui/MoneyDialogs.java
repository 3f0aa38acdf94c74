package com.kontor.operation.ui;

import com.kontor.audit.Actor;
import com.kontor.operation.CaptureService;
import com.kontor.operation.CreditService;
import com.kontor.operation.DerecognitionService;
import com.kontor.operation.MoneyActions;
import com.kontor.operation.RefundService;
import com.kontor.operation.TransferService;
import com.kontor.tenancy.CurrentUser;
import com.kontor.tenancy.LetterheadService;
import com.kontor.tenancy.MerchantDirectory;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The money operations of the process panel (TX-6, OPS-1..5): the buttons that fit the process and the user, each
 * opening its dialog, and what waits for approval (OPS-6). The detail view asks for them per process.
 */
@org.springframework.stereotype.Component
public class MoneyDialogs {

    private final MoneyActions actions;
    private final CaptureService captures;
    private final RefundService refunds;
    private final CreditService credits;
    private final DerecognitionService derecognitions;
    private final TransferService transfers;
    private final CurrentUser currentUser;
    private final MerchantDirectory merchants;
    private final LetterheadService letterheads;

    public MoneyDialogs(
            MoneyActions actions,
            CaptureService captures,
            RefundService refunds,
            CreditService credits,
            DerecognitionService derecognitions,
            TransferService transfers,
            CurrentUser currentUser,
            MerchantDirectory merchants,
            LetterheadService letterheads) {
        this.actions = actions;
        this.captures = captures;
        this.refunds = refunds;
        this.credits = credits;
        this.derecognitions = derecognitions;
        this.transfers = transfers;
        this.currentUser = currentUser;
        this.merchants = merchants;
        this.letterheads = letterheads;
    }

    /** What the panel shows for the process: the buttons of the operations that fit, and its approval requests. */
    public record ForProcess(List<Component> buttons, Component approvals) {}

    /** The money part of the process panel; {@code afterwards} shows the process anew after an operation. */
    public ForProcess forProcess(long txid, Runnable afterwards) {
        MoneyActions.Options o = actions.of(txid).orElseThrow();
        List<Component> buttons = new ArrayList<>();
        Actor actor = currentUser.require().asActor();
        if (o.capture()) {
            buttons.add(button(
                    "capture.open", "capture", () -> new CaptureDialog(o.limits(), captures, actor, afterwards)));
        }
        if (o.refund()) {
            buttons.add(
                    button("refund.open", "refund", () -> new RefundDialog(o.limits(), refunds, actor, afterwards)));
        }
        if (o.credit()) {
            // a credit item's VAT rate starts at the merchant's usual rate (the letterhead's)
            BigDecimal vat = letterheads.current().defaultVatPercent();
            buttons.add(button(
                    "credit.open",
                    "credit",
                    () -> new CreditDialog(o.limits(), o.payout(), credits, vat, actor, afterwards)));
        }
        if (o.derecognise()) {
            buttons.add(button(
                    "derecognition.open",
                    "derecognise",
                    () -> new DerecognitionDialog(o.limits(), o.payout(), derecognitions, actor, afterwards)));
        }
        if (o.transfer()) {
            buttons.add(button("transfer.open", "transfer", () -> new TransferDialog(o, transfers, actor, afterwards)));
        }
        ZoneId zone = merchants.requireCurrent().settings().timeZone();
        return new ForProcess(buttons, new ApprovalNotes(o.approvals(), zone));
    }

    private static Button button(String labelKey, String id, Supplier<MoneyDialog> dialog) {
        Button button = new Button();
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.addAttachListener(e -> button.setText(button.getTranslation(labelKey)));
        button.addClickListener(e -> dialog.get().open());
        return button;
    }
}
