package com.kontor.operation;

import com.kontor.debtor.BankAccountData;
import com.kontor.debtor.CardData;
import com.kontor.debtor.MasterData;
import com.kontor.ledger.PaymentMethod;
import com.kontor.ledger.ProcessType;
import com.kontor.money.Money;
import java.time.LocalDate;

/**
 * A payment as the shop asks for it ({@code POST /api/v1/payments}): inline {@code debtor} data create the debtor
 * when the customer number is new and update it otherwise.
 */
public record NewPayment(
        ProcessType type,
        String customerId,
        MasterData debtor,
        String reference,
        Money amount,
        PaymentMethod paymentMethod,
        BankAccountData bankAccount,
        CardData card,
        LocalDate dueDate) {}
