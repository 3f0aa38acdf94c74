package com.kontor.operation.internal;

import com.kontor.audit.Actor;
import com.kontor.blacklist.Blacklist;
import com.kontor.blacklist.BlacklistKind;
import com.kontor.debtor.BankAccountSummary;
import com.kontor.debtor.CardSummary;
import com.kontor.debtor.DebtorDetails;
import com.kontor.debtor.DebtorPaymentData;
import com.kontor.debtor.MandateSummary;
import com.kontor.debtor.PaymentDataValidation;
import com.kontor.ledger.PaymentMethod;
import com.kontor.operation.NewPayment;
import com.kontor.tenancy.OperationRefused;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The bank account or card a new payment uses (DEB-3): the one in the request, validated, or the debtor's stored
 * one; whether any of its values is on the merchant's blacklist (BL-3); and, once the payment goes ahead, the payment
 * data stored for the debtor (with a SEPA mandate for a direct debit) and what the provider needs of it.
 */
@Component
public class PaymentMeans {

    /** What a payment will use, before anything is written. */
    public record Chosen(
            PaymentMethod method,
            PaymentDataValidation.ValidBankAccount bankAccount,
            PaymentDataValidation.ValidCard card,
            Optional<BankAccountSummary> storedAccount,
            Optional<CardSummary> storedCard) {}

    /** What a payment uses, stored; the IBAN and card token only for the provider's request, never logged. */
    public record Used(
            Long bankAccountId, Long mandateId, Long cardId, String iban, String cardToken, String mandateReference) {

        static final Used NOTHING = new Used(null, null, null, null, null, null);

        @Override
        public String toString() {
            return "Used[bankAccount=" + bankAccountId + ", mandate=" + mandateId + ", card=" + cardId + "]";
        }
    }

    private final PaymentDataValidation validation;
    private final DebtorPaymentData paymentData;
    private final Blacklist blacklist;

    public PaymentMeans(PaymentDataValidation validation, DebtorPaymentData paymentData, Blacklist blacklist) {
        this.validation = validation;
        this.paymentData = paymentData;
        this.blacklist = blacklist;
    }

    /** Validates the request's payment data or finds the debtor's stored one; refuses a method without any. */
    public Chosen choose(NewPayment request, Optional<DebtorDetails> existing) {
        PaymentMethod method = request.paymentMethod();
        PaymentDataValidation.ValidBankAccount bankAccount =
                request.bankAccount() == null ? null : validation.validate(request.bankAccount(), "bankAccount");
        PaymentDataValidation.ValidCard card =
                request.card() == null ? null : validation.validate(request.card(), "card");
        Optional<BankAccountSummary> storedAccount = Optional.empty();
        Optional<CardSummary> storedCard = Optional.empty();
        if (method == PaymentMethod.DIRECT_DEBIT && bankAccount == null) {
            storedAccount = existing.flatMap(
                    d -> paymentData.bankAccounts(d.id()).stream().findFirst());
            if (storedAccount.isEmpty()) {
                throw OperationRefused.onField("bankAccount", "payment.bankAccountRequired");
            }
        }
        if (method == PaymentMethod.CARD && card == null) {
            storedCard =
                    existing.flatMap(d -> paymentData.cards(d.id()).stream().findFirst());
            if (storedCard.isEmpty()) {
                throw OperationRefused.onField("card", "payment.cardRequired");
            }
        }
        return new Chosen(method, bankAccount, card, storedAccount, storedCard);
    }

    /**
     * BL-3: an email blocks every method; an IBAN blocks direct debit with it; a card token blocks card payments.
     * Answers what blocks the payment ("email", "IBAN", "card"), or null.
     */
    public String blockedBy(NewPayment request, Optional<DebtorDetails> existing, Chosen chosen) {
        Map<BlacklistKind, List<String>> values = new EnumMap<>(BlacklistKind.class);
        List<String> emails = new ArrayList<>(2);
        if (request.debtor() != null && request.debtor().email() != null) {
            emails.add(
                    blacklist.fingerprint(BlacklistKind.EMAIL, request.debtor().email()));
        }
        existing.map(d -> d.masterData().email())
                .filter(e -> e != null)
                .ifPresent(e -> emails.add(blacklist.fingerprint(BlacklistKind.EMAIL, e)));
        values.put(BlacklistKind.EMAIL, emails);
        if (chosen.method() == PaymentMethod.DIRECT_DEBIT) {
            String fingerprint = chosen.bankAccount() != null
                    ? chosen.bankAccount().fingerprint()
                    : chosen.storedAccount()
                            .map(BankAccountSummary::ibanFingerprint)
                            .orElse(null);
            values.put(BlacklistKind.IBAN, fingerprint == null ? List.of() : List.of(fingerprint));
        }
        if (chosen.method() == PaymentMethod.CARD) {
            String fingerprint = chosen.card() != null
                    ? chosen.card().fingerprint()
                    : chosen.storedCard().map(CardSummary::tokenFingerprint).orElse(null);
            values.put(BlacklistKind.CARD_TOKEN, fingerprint == null ? List.of() : List.of(fingerprint));
        }
        Set<BlacklistKind> hits = blacklist.blacklistedKinds(values);
        return hits.contains(BlacklistKind.EMAIL)
                ? "email"
                : hits.contains(BlacklistKind.IBAN) ? "IBAN" : hits.contains(BlacklistKind.CARD_TOKEN) ? "card" : null;
    }

    /** Stores what the payment uses for the debtor; {@code newDebtor}: created in this transaction. */
    public Used use(long debtorId, boolean newDebtor, Chosen chosen, Actor actor) {
        if (chosen.method() == PaymentMethod.DIRECT_DEBIT) {
            BankAccountSummary account;
            MandateSummary mandate;
            if (chosen.bankAccount() != null) {
                DebtorPaymentData.DebitData debit =
                        paymentData.debitWith(debtorId, newDebtor, chosen.bankAccount(), actor);
                account = debit.account();
                mandate = debit.mandate();
            } else {
                account = chosen.storedAccount().orElseThrow();
                mandate = paymentData.mandateFor(debtorId, account.id(), null, actor);
            }
            // the IBAN of the request as it came, or the stored one decrypted for the provider
            String iban = chosen.bankAccount() != null
                    ? chosen.bankAccount().iban().value()
                    : paymentData.ibanForProvider(account.id());
            return new Used(account.id(), mandate.id(), null, iban, null, mandate.mandateReference());
        }
        if (chosen.method() == PaymentMethod.CARD) {
            CardSummary used = chosen.card() != null
                    ? paymentData.useCard(debtorId, chosen.card(), actor)
                    : chosen.storedCard().orElseThrow();
            return new Used(null, null, used.id(), null, paymentData.cardTokenForProvider(used.id()), null);
        }
        return Used.NOTHING;
    }
}
