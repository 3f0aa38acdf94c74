package com.kontor.operation.internal;

import com.kontor.debtor.DebtorService;
import com.kontor.debtor.MasterData;
import com.kontor.ledger.PaymentMethod;
import com.kontor.money.Currencies;
import com.kontor.operation.NewPayment;
import com.kontor.tenancy.OperationRefused;
import com.kontor.text.FreeText;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The shape of a new payment (API.md): every field checked before anything is looked up or written. */
@Component
public class NewPaymentValidation {

    /** A due date before this is a typing error, not an old invoice. */
    static final LocalDate EARLIEST_DUE_DATE = LocalDate.of(2000, 1, 1);
    /** The longest payment term a shop may give. */
    static final int MAX_TERM_YEARS = 5;

    private final Validator validator;
    private final Clock clock;

    public NewPaymentValidation(Validator validator, Clock clock) {
        this.validator = validator;
        this.clock = clock;
    }

    /** Refuses the first field that is missing or wrong, naming it. */
    public void validate(NewPayment request) {
        if (request.type() == null) {
            throw OperationRefused.onField("type", "payment.typeRequired");
        }
        if (!DebtorService.isValidCustomerId(request.customerId())) {
            throw OperationRefused.onField("customerId", "debtor.customerIdInvalid");
        }
        String reference = request.reference();
        if (reference == null || reference.isBlank() || reference.length() > 64) {
            throw OperationRefused.onField("reference", "payment.referenceInvalid");
        }
        FreeText.Problem problem = FreeText.problem(reference);
        if (problem != null) {
            throw OperationRefused.onField("reference", problem.messageKey());
        }
        if (request.amount() == null || !Currencies.inRange(request.amount().minor())) {
            throw OperationRefused.onField("amount.value", "payment.amountRange");
        }
        if (Currencies.active(request.amount().currency().getCurrencyCode()).isEmpty()) {
            throw OperationRefused.onField("amount.currency", "payment.currencyInvalid");
        }
        PaymentMethod method = request.paymentMethod();
        if (method == null) {
            throw OperationRefused.onField("paymentMethod", "payment.methodRequired");
        }
        if (request.dueDate() != null && method != PaymentMethod.INVOICE && method != PaymentMethod.PREPAYMENT) {
            throw OperationRefused.onField("dueDate", "payment.dueDateOnlyForInvoices");
        }
        if (request.dueDate() != null
                && (request.dueDate().isBefore(EARLIEST_DUE_DATE)
                        || request.dueDate().isAfter(LocalDate.now(clock).plusYears(MAX_TERM_YEARS)))) {
            throw OperationRefused.onField("dueDate", "payment.dueDateRange", MAX_TERM_YEARS);
        }
        if (request.bankAccount() != null && method != PaymentMethod.DIRECT_DEBIT) {
            throw OperationRefused.onField("bankAccount", "payment.bankAccountOnlyForDirectDebit");
        }
        if (request.card() != null && method != PaymentMethod.CARD) {
            throw OperationRefused.onField("card", "payment.cardOnlyForCards");
        }
        if (request.debtor() != null) {
            // validated as the body's "debtor" object, so that a refusal names debtor.lastName, not lastName
            Set<ConstraintViolation<InlineDebtor>> violations = validator.validate(new InlineDebtor(request.debtor()));
            if (!violations.isEmpty()) {
                throw new ConstraintViolationException(violations);
            }
        }
    }

    /** The inline debtor of a payment body. */
    record InlineDebtor(@Valid MasterData debtor) {}
}
