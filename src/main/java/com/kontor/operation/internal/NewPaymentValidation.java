package com.kontor.operation.internal;

import com.kontor.debtor.DebtorService;
import com.kontor.debtor.MasterData;
import com.kontor.ledger.PaymentMethod;
import com.kontor.operation.NewPayment;
import com.kontor.tenancy.OperationRefused;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The shape of a new payment (API.md): every field checked before anything is looked up or written. */
@Component
public class NewPaymentValidation {

    private final Validator validator;

    public NewPaymentValidation(Validator validator) {
        this.validator = validator;
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
        if (reference == null
                || reference.isBlank()
                || reference.length() > 64
                || reference.chars().anyMatch(Character::isISOControl)) {
            throw OperationRefused.onField("reference", "payment.referenceInvalid");
        }
        if (request.amount() == null || request.amount().minor() <= 0) {
            throw OperationRefused.onField("amount.value", "payment.amountPositive");
        }
        PaymentMethod method = request.paymentMethod();
        if (method == null) {
            throw OperationRefused.onField("paymentMethod", "payment.methodRequired");
        }
        if (request.dueDate() != null && method != PaymentMethod.INVOICE && method != PaymentMethod.PREPAYMENT) {
            throw OperationRefused.onField("dueDate", "payment.dueDateOnlyForInvoices");
        }
        if (request.bankAccount() != null && method != PaymentMethod.DIRECT_DEBIT) {
            throw OperationRefused.onField("bankAccount", "payment.bankAccountOnlyForDirectDebit");
        }
        if (request.card() != null && method != PaymentMethod.CARD) {
            throw OperationRefused.onField("card", "payment.cardOnlyForCards");
        }
        if (request.debtor() != null) {
            Set<ConstraintViolation<MasterData>> violations = validator.validate(request.debtor());
            if (!violations.isEmpty()) {
                throw new ConstraintViolationException(violations);
            }
        }
    }
}
