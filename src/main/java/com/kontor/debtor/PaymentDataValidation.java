package com.kontor.debtor;

import com.kontor.crypto.Fingerprints;
import com.kontor.tenancy.OperationRefused;
import com.kontor.text.CardNumbers;
import com.kontor.text.FreeText;
import org.springframework.stereotype.Component;

/**
 * Checks payment data as a shop or an agent gives it (DEB-3, DEB-4) before anything is stored: a bank account's
 * holder, IBAN (ISO 13616) and BIC; a card's token, brand, last four digits and expiry, never a full card number.
 * Each refusal names its field. The result carries the keyed fingerprint the blacklist matches on.
 */
@Component
public class PaymentDataValidation {

    /** The fingerprint kinds, shared with the blacklist so that one fingerprint matches both. */
    public static final String IBAN_FINGERPRINT = "iban";

    public static final String CARD_TOKEN_FINGERPRINT = "card-token";

    private final Fingerprints fingerprints;

    public PaymentDataValidation(Fingerprints fingerprints) {
        this.fingerprints = fingerprints;
    }

    /** A bank account checked and normalised, not yet stored. */
    public record ValidBankAccount(String holder, Iban iban, Bic bic, String fingerprint) {}

    /** A card checked, not yet stored. */
    public record ValidCard(CardData data, String fingerprint) {}

    /**
     * Checks a bank account as given; errors name {@code <prefix>.holder}, {@code <prefix>.iban}, {@code <prefix>.bic}.
     */
    public ValidBankAccount validate(BankAccountData data, String prefix) {
        if (data == null) {
            throw OperationRefused.onField(prefix, "paymentData.bankAccountRequired");
        }
        String holder = trimmed(data.holder());
        if (holder == null || holder.length() > 100) {
            throw OperationRefused.onField(prefix + ".holder", "paymentData.holderInvalid");
        }
        requirePlain(prefix + ".holder", holder);
        Iban iban;
        Bic bic;
        try {
            iban = Iban.parse(data.iban());
        } catch (OperationRefused e) {
            throw OperationRefused.onField(prefix + ".iban", e.messageKey());
        }
        try {
            bic = data.bic() == null || data.bic().isBlank() ? null : Bic.parse(data.bic());
        } catch (OperationRefused e) {
            throw OperationRefused.onField(prefix + ".bic", e.messageKey());
        }
        return new ValidBankAccount(holder, iban, bic, fingerprints.of(IBAN_FINGERPRINT, iban.value()));
    }

    /** Checks a card as given; a full card number anywhere is refused (DEB-4). */
    public ValidCard validate(CardData data, String prefix) {
        if (data == null) {
            throw OperationRefused.onField(prefix, "paymentData.cardRequired");
        }
        String token = data.token();
        if (token == null || token.isBlank() || token.length() > 100) {
            throw OperationRefused.onField(prefix + ".token", "paymentData.tokenInvalid");
        }
        // a card number in the token or the holder: the shop sent what it must never send (DEB-4)
        if (CardNumbers.containsCardNumber(token) || CardNumbers.containsCardNumber(data.holder())) {
            throw OperationRefused.onField(prefix + ".token", "card.fullNumber");
        }
        requirePlain(prefix + ".token", token);
        if (data.brand() == null || !data.brand().matches("[A-Za-z0-9 _-]{1,20}")) {
            throw OperationRefused.onField(prefix + ".brand", "paymentData.brandInvalid");
        }
        requirePlain(prefix + ".brand", data.brand());
        if (data.last4() == null || !data.last4().matches("[0-9]{4}")) {
            throw OperationRefused.onField(prefix + ".last4", "paymentData.last4Invalid");
        }
        if (data.expiryMonth() == null || data.expiryMonth() < 1 || data.expiryMonth() > 12) {
            throw OperationRefused.onField(prefix + ".expiryMonth", "paymentData.expiryMonthInvalid");
        }
        if (data.expiryYear() == null || data.expiryYear() < 2000 || data.expiryYear() > 2100) {
            throw OperationRefused.onField(prefix + ".expiryYear", "paymentData.expiryYearInvalid");
        }
        String holder = trimmed(data.holder());
        if (holder != null && holder.length() > 100) {
            throw OperationRefused.onField(prefix + ".holder", "paymentData.holderInvalid");
        }
        requirePlain(prefix + ".holder", holder);
        return new ValidCard(
                new CardData(token, data.brand(), data.last4(), data.expiryMonth(), data.expiryYear(), holder),
                fingerprints.of(CARD_TOKEN_FINGERPRINT, token.strip()));
    }

    /** Control characters and card numbers are refused in every free-text value (DEB-4). */
    private static void requirePlain(String field, String value) {
        FreeText.Problem problem = FreeText.problem(value);
        if (problem != null) {
            throw OperationRefused.onField(field, problem.messageKey());
        }
    }

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
