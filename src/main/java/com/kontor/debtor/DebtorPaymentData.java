package com.kontor.debtor;

import com.kontor.audit.Actor;
import com.kontor.audit.AuditEntry;
import com.kontor.audit.AuditEventType;
import com.kontor.audit.AuditLog;
import com.kontor.crypto.FieldCipher;
import com.kontor.debtor.internal.BankAccount;
import com.kontor.debtor.internal.BankAccountRepository;
import com.kontor.debtor.internal.Card;
import com.kontor.debtor.internal.CardRepository;
import com.kontor.debtor.internal.Debtor;
import com.kontor.debtor.internal.DebtorHistory;
import com.kontor.debtor.internal.DebtorRepository;
import com.kontor.debtor.internal.Mandate;
import com.kontor.debtor.internal.MandateRepository;
import com.kontor.tenancy.CurrentTenancy;
import com.kontor.tenancy.CurrentUser;
import com.kontor.tenancy.KontorUser;
import com.kontor.tenancy.OperationRefused;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.TenancyScope;
import com.kontor.text.FreeText;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A debtor's payment data (DEB-3, DEB-4, DEB-6): bank accounts with the IBAN encrypted, fingerprinted and masked;
 * cards as the provider's token plus last four digits; SEPA mandates. Every change lands in the debtor's history and
 * the audit log, with masked values only.
 */
@Service
public class DebtorPaymentData {

    private final DebtorRepository debtors;
    private final BankAccountRepository bankAccounts;
    private final CardRepository cards;
    private final MandateRepository mandates;
    private final DebtorHistory history;
    private final FieldCipher cipher;
    private final EditPermission editPermission;
    private final CurrentUser currentUser;
    private final CurrentTenancy currentTenancy;
    private final AuditLog auditLog;
    private final Clock clock;

    public DebtorPaymentData(
            DebtorRepository debtors,
            BankAccountRepository bankAccounts,
            CardRepository cards,
            MandateRepository mandates,
            DebtorHistory history,
            FieldCipher cipher,
            EditPermission editPermission,
            CurrentTenancy currentTenancy,
            CurrentUser currentUser,
            AuditLog auditLog,
            Clock clock) {
        this.currentUser = currentUser;
        this.debtors = debtors;
        this.bankAccounts = bankAccounts;
        this.cards = cards;
        this.mandates = mandates;
        this.history = history;
        this.cipher = cipher;
        this.editPermission = editPermission;
        this.currentTenancy = currentTenancy;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * The debtor's bank account with this IBAN, added if new; a new holder or BIC amends it. A changed bank account
     * applies to future debits only (DEB-3): processes keep the account they were made with.
     */
    @Transactional
    public BankAccountSummary useBankAccount(
            long debtorId, PaymentDataValidation.ValidBankAccount account, Actor actor) {
        return useBankAccount(debtorId, account, actor, false).account().summary();
    }

    private record UsedAccount(BankAccount account, boolean added) {}

    /** The bank account and mandate a direct debit uses. */
    public record DebitData(BankAccountSummary account, MandateSummary mandate) {}

    /**
     * The bank account a direct debit uses ({@link #useBankAccount}) with its mandate ({@link #mandateFor}). For a
     * debtor created in this transaction ({@code newDebtor}) no account is looked up, and for an account added now
     * no mandate: there is none yet.
     */
    @Transactional
    public DebitData debitWith(
            long debtorId, boolean newDebtor, PaymentDataValidation.ValidBankAccount account, Actor actor) {
        UsedAccount used = useBankAccount(debtorId, account, actor, newDebtor);
        BankAccount stored = used.account();
        Optional<Mandate> existing =
                used.added() ? Optional.empty() : mandates.findFirstByBankAccountIdOrderByIdDesc(stored.getId());
        return new DebitData(
                stored.summary(),
                existing.orElseGet(() -> newMandate(requireDebtor(debtorId), stored.getId(), null, actor))
                        .summary());
    }

    private UsedAccount useBankAccount(
            long debtorId, PaymentDataValidation.ValidBankAccount account, Actor actor, boolean newDebtor) {
        editPermission.require();
        Debtor debtor = requireDebtor(debtorId);
        Instant now = Instant.now(clock);
        String bic = account.bic() == null ? null : account.bic().value();
        Optional<BankAccount> existing = newDebtor
                ? Optional.empty()
                : bankAccounts.findFirstByDebtorIdAndIbanFingerprintAndRemovedAtIsNull(debtorId, account.fingerprint());
        BankAccount stored;
        if (existing.isPresent()) {
            stored = existing.get();
            String before = stored.describe();
            if (!Objects.equals(stored.getHolder(), account.holder()) || !Objects.equals(stored.getBic(), bic)) {
                stored.setHolder(account.holder());
                stored.setBic(bic);
                recordChange(debtor, "bankAccount", before, stored.describe(), actor, now);
            }
            return new UsedAccount(stored, false);
        }
        stored = bankAccounts.save(new BankAccount(
                debtorId,
                account.holder(),
                cipher.encrypt(account.iban().value()),
                account.fingerprint(),
                account.iban().masked(),
                bic,
                account.iban().value().substring(0, 2),
                now));
        recordChange(debtor, "bankAccount", null, stored.describe(), actor, now);
        return new UsedAccount(stored, true);
    }

    /** The debtor's card with this token, added if new; holder and expiry may change, the number never (DEB-3). */
    @Transactional
    public CardSummary useCard(long debtorId, PaymentDataValidation.ValidCard card, Actor actor) {
        editPermission.require();
        Debtor debtor = requireDebtor(debtorId);
        Instant now = Instant.now(clock);
        CardData d = card.data();
        Optional<Card> existing =
                cards.findFirstByDebtorIdAndTokenFingerprintAndRemovedAtIsNull(debtorId, card.fingerprint());
        Card stored;
        if (existing.isPresent()) {
            stored = existing.get();
            if (Objects.equals(stored.getHolder(), d.holder())
                    && stored.getExpiryMonth() == d.expiryMonth()
                    && stored.getExpiryYear() == d.expiryYear()) {
                return stored.summary();
            }
            String before = stored.describe();
            stored.amend(d.holder(), d.expiryMonth(), d.expiryYear());
            recordChange(debtor, "card", before, stored.describe(), actor, now);
        } else {
            stored = cards.save(new Card(
                    debtorId,
                    d.holder(),
                    d.brand(),
                    d.last4(),
                    d.expiryMonth(),
                    d.expiryYear(),
                    cipher.encrypt(d.token().strip()),
                    card.fingerprint(),
                    now));
            recordChange(debtor, "card", null, stored.describe(), actor, now);
        }
        return stored.summary();
    }

    /**
     * Amends a bank account's holder and BIC (DEB-3); the IBAN never changes, a new IBAN is a new account. Errors name
     * {@code holder} or {@code bic}.
     */
    @Transactional
    public BankAccountSummary amendBankAccount(long bankAccountId, String holder, String bic, Actor actor) {
        editPermission.require();
        BankAccount account = bankAccounts
                .findById(bankAccountId)
                .filter(a -> !a.isRemoved())
                .orElseThrow(() -> OperationRefused.because("paymentData.notFound"));
        String newHolder = checkedHolder(holder, true);
        String newBic;
        try {
            newBic = bic == null || bic.isBlank() ? null : Bic.parse(bic).value();
        } catch (OperationRefused e) {
            throw OperationRefused.onField("bic", e.messageKey());
        }
        if (Objects.equals(account.getHolder(), newHolder) && Objects.equals(account.getBic(), newBic)) {
            return account.summary();
        }
        String before = account.describe();
        account.setHolder(newHolder);
        account.setBic(newBic);
        recordChange(
                requireDebtor(account.getDebtorId()),
                "bankAccount",
                before,
                account.describe(),
                actor,
                Instant.now(clock));
        return account.summary();
    }

    /**
     * Amends a card's holder and expiry (DEB-3), e.g. after the bank sent a new card; number and token never change.
     * Errors name {@code holder}, {@code expiryMonth} or {@code expiryYear}.
     */
    @Transactional
    public CardSummary amendCard(long cardId, String holder, Integer expiryMonth, Integer expiryYear, Actor actor) {
        editPermission.require();
        Card card = cards.findById(cardId)
                .filter(c -> !c.isRemoved())
                .orElseThrow(() -> OperationRefused.because("paymentData.notFound"));
        String newHolder = checkedHolder(holder, false);
        if (expiryMonth == null || expiryMonth < 1 || expiryMonth > 12) {
            throw OperationRefused.onField("expiryMonth", "paymentData.expiryMonthInvalid");
        }
        if (expiryYear == null || expiryYear < 2000 || expiryYear > 2100) {
            throw OperationRefused.onField("expiryYear", "paymentData.expiryYearInvalid");
        }
        if (Objects.equals(card.getHolder(), newHolder)
                && card.getExpiryMonth() == expiryMonth
                && card.getExpiryYear() == expiryYear) {
            return card.summary();
        }
        String before = card.describe();
        card.amend(newHolder, expiryMonth, expiryYear);
        recordChange(requireDebtor(card.getDebtorId()), "card", before, card.describe(), actor, Instant.now(clock));
        return card.summary();
    }

    private static String checkedHolder(String holder, boolean required) {
        String value = trimmed(holder);
        if ((value == null && required) || (value != null && value.length() > 100)) {
            throw OperationRefused.onField("holder", "paymentData.holderInvalid");
        }
        FreeText.Problem problem = FreeText.problem(value);
        if (problem != null) {
            throw OperationRefused.onField("holder", problem.messageKey());
        }
        return value;
    }

    /** The mandate for debiting this bank account, signed today when the debtor has none for it yet. */
    @Transactional
    public MandateSummary mandateFor(long debtorId, long bankAccountId, String creditorId, Actor actor) {
        Optional<Mandate> existing = mandates.findFirstByBankAccountIdOrderByIdDesc(bankAccountId);
        if (existing.isPresent()) {
            return existing.get().summary();
        }
        return newMandate(requireDebtor(debtorId), bankAccountId, creditorId, actor)
                .summary();
    }

    private Mandate newMandate(Debtor debtor, long bankAccountId, String creditorId, Actor actor) {
        editPermission.require();
        Instant now = Instant.now(clock);
        String reference = "KM" + debtor.getDebtorNumber() + "-" + bankAccountId; // unique: one mandate per account
        Mandate mandate = mandates.save(new Mandate(
                debtor.getId(), bankAccountId, reference, creditorId, LocalDate.ofInstant(now, clock.getZone()), now));
        recordChange(debtor, "mandate", null, reference, actor, now);
        return mandate;
    }

    @Transactional
    public void removeBankAccount(long bankAccountId, Actor actor) {
        editPermission.require();
        BankAccount account = bankAccounts
                .findById(bankAccountId)
                .filter(a -> !a.isRemoved())
                .orElseThrow(() -> OperationRefused.because("paymentData.notFound"));
        Instant now = Instant.now(clock);
        account.remove(now);
        recordChange(requireDebtor(account.getDebtorId()), "bankAccount", account.describe(), null, actor, now);
    }

    @Transactional
    public void removeCard(long cardId, Actor actor) {
        editPermission.require();
        Card card = cards.findById(cardId)
                .filter(c -> !c.isRemoved())
                .orElseThrow(() -> OperationRefused.because("paymentData.notFound"));
        Instant now = Instant.now(clock);
        card.remove(now);
        recordChange(requireDebtor(card.getDebtorId()), "card", card.describe(), null, actor, now);
    }

    @Transactional(readOnly = true)
    public List<BankAccountSummary> bankAccounts(long debtorId) {
        return bankAccounts.findByDebtorIdAndRemovedAtIsNullOrderByIdDesc(debtorId).stream()
                .map(BankAccount::summary)
                .toList();
    }

    @Transactional(readOnly = true)
    public List<CardSummary> cards(long debtorId) {
        return cards.findByDebtorIdAndRemovedAtIsNullOrderByIdDesc(debtorId).stream()
                .map(Card::summary)
                .toList();
    }

    @Transactional(readOnly = true)
    public List<MandateSummary> mandates(long debtorId) {
        return mandates.findByDebtorIdOrderByIdDesc(debtorId).stream()
                .map(Mandate::summary)
                .toList();
    }

    /**
     * A mandate of the current partition with the bank account it debits, masked (also when that account was removed
     * since), and its debtor: what the mandate's PDF shows (DEB-6). Empty for a mandate of another merchant or mode.
     */
    @Transactional(readOnly = true)
    public Optional<MandateDetails> mandate(long mandateId) {
        return mandates.findById(mandateId)
                .flatMap(m -> bankAccounts
                        .findById(m.getBankAccountId())
                        .map(a -> new MandateDetails(m.summary(), m.getDebtorId(), a.summary())));
    }

    /** The debtor's mandates, newest first, each with the bank account it debits, masked (DEB-6). */
    @Transactional(readOnly = true)
    public List<MandateDetails> mandateDetails(long debtorId) {
        return mandates.findByDebtorIdOrderByIdDesc(debtorId).stream()
                .flatMap(m -> bankAccounts.findById(m.getBankAccountId()).stream()
                        .map(a -> new MandateDetails(m.summary(), debtorId, a.summary())))
                .toList();
    }

    /** The full IBAN, decrypted for a request to the provider only: never log or show it. */
    @Transactional(readOnly = true)
    public String ibanForProvider(long bankAccountId) {
        requireProviderCall();
        return bankAccounts
                .findById(bankAccountId)
                .map(a -> cipher.decrypt(a.getIbanCipher()))
                .orElseThrow(() -> OperationRefused.because("paymentData.notFound"));
    }

    /** The provider's card token, decrypted for a request to the provider only. */
    @Transactional(readOnly = true)
    public String cardTokenForProvider(long cardId) {
        requireProviderCall();
        return cards.findById(cardId)
                .map(c -> cipher.decrypt(c.getTokenCipher()))
                .orElseThrow(() -> OperationRefused.because("paymentData.notFound"));
    }

    /** Clear payment data go to a provider only, on the API's or Kontor's own path: never into a person's view. */
    private void requireProviderCall() {
        boolean allowed = currentUser.get().map(KontorUser::isSystem).orElse(TenancyScope.isExplicit());
        if (!allowed) {
            throw new AccessDeniedException("Clear payment data are for provider requests only");
        }
    }

    private Debtor requireDebtor(long debtorId) {
        return debtors.findById(debtorId).orElseThrow(() -> OperationRefused.because("debtor.notFound"));
    }

    private void recordChange(Debtor debtor, String field, String old, String value, Actor actor, Instant at) {
        Partition partition = currentTenancy.requirePartition();
        history.record(
                partition.key(), debtor.getId(), at, actor, List.of(new DebtorHistory.Change(field, old, value)));
        auditLog.record(new AuditEntry(
                        partition.merchantId(),
                        partition.mode().name(),
                        actor,
                        AuditEventType.DEBTOR_PAYMENT_DATA_CHANGED,
                        debtor.getDebtorNumber(),
                        null,
                        null,
                        null)
                .withChange(field, old, value));
    }

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
