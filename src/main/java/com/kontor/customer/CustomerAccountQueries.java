package com.kontor.customer;

import com.kontor.blacklist.Blacklist;
import com.kontor.blacklist.BlacklistEntrySummary;
import com.kontor.blacklist.BlacklistKind;
import com.kontor.debtor.BankAccountSummary;
import com.kontor.debtor.CardSummary;
import com.kontor.debtor.DebtorDetails;
import com.kontor.debtor.DebtorPaymentData;
import com.kontor.debtor.DebtorService;
import com.kontor.debtor.MasterDataChange;
import com.kontor.ledger.CustomerAccount;
import com.kontor.ledger.LedgerQueries;
import com.kontor.ledger.ProcessDetails;
import com.kontor.psp.ProviderExchange;
import com.kontor.psp.ProviderLog;
import com.kontor.tenancy.BookedModule;
import com.kontor.tenancy.MerchantDirectory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the debtor's account as a whole for the detail view (TX-5, TX-6): one navigation is one read-only
 * transaction (one connection, one commit), and each list the view opens (the processes page by page, the customer
 * account, the history, the provider log) is one call. Everything is of the current merchant and mode.
 */
@Service
@Transactional(readOnly = true)
public class CustomerAccountQueries {

    private final DebtorService debtors;
    private final DebtorPaymentData paymentData;
    private final LedgerQueries ledger;
    private final Blacklist blacklist;
    private final ProviderLog providerLog;
    private final MerchantDirectory merchants;

    public CustomerAccountQueries(
            DebtorService debtors,
            DebtorPaymentData paymentData,
            LedgerQueries ledger,
            Blacklist blacklist,
            ProviderLog providerLog,
            MerchantDirectory merchants) {
        this.debtors = debtors;
        this.paymentData = paymentData;
        this.ledger = ledger;
        this.blacklist = blacklist;
        this.providerLog = providerLog;
        this.merchants = merchants;
    }

    /**
     * The debtor with that number and its process {@code txid} (its newest when absent); empty when the debtor is
     * not the current merchant's in the current mode, or the process is not this debtor's.
     */
    public Optional<CustomerOverview> overview(long debtorNumber, Optional<Long> txid) {
        Optional<DebtorDetails> found = debtors.detailsByNumber(debtorNumber);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        DebtorDetails debtor = found.get();
        Optional<ProcessDetails> selected = txid.isPresent()
                ? ledger.byTxid(txid.get())
                        .filter(p -> Long.valueOf(debtor.id()).equals(p.debtorId()))
                : ledger.processesOf(debtor.id(), 0, 1).stream().findFirst().flatMap(p -> ledger.byTxid(p.txid()));
        if (txid.isPresent() && selected.isEmpty()) {
            return Optional.empty();
        }
        boolean risk = merchants.requireCurrent().modules().contains(BookedModule.RISK);
        List<BankAccountSummary> accounts = paymentData.bankAccounts(debtor.id());
        List<CardSummary> cards = paymentData.cards(debtor.id());
        Map<String, BlacklistEntrySummary> blacklisted = new HashMap<>();
        if (risk) {
            String email = debtor.masterData().email();
            if (email != null) {
                String fingerprint = blacklist.fingerprint(BlacklistKind.EMAIL, email);
                blacklist.entryFor(BlacklistKind.EMAIL, fingerprint).ifPresent(e -> blacklisted.put(fingerprint, e));
            }
            accounts.forEach(a -> blacklist
                    .entryFor(BlacklistKind.IBAN, a.ibanFingerprint())
                    .ifPresent(e -> blacklisted.put(a.ibanFingerprint(), e)));
            cards.forEach(c -> blacklist
                    .entryFor(BlacklistKind.CARD_TOKEN, c.tokenFingerprint())
                    .ifPresent(e -> blacklisted.put(c.tokenFingerprint(), e)));
        }
        return Optional.of(new CustomerOverview(
                debtor, selected, ledger.countProcessesOf(debtor.id()), accounts, cards, risk, blacklisted));
    }

    /** One page of the debtor's processes, newest first, without their bookings. */
    public List<ProcessDetails> processes(long debtorId, int offset, int limit) {
        return ledger.processesOf(debtorId, offset, limit);
    }

    /** TX-5: all bookings of all the debtor's processes, with totals per currency. */
    public CustomerAccount customerAccount(long debtorId) {
        return ledger.customerAccount(debtorId);
    }

    /** DEB-5: every change of master and payment data, newest first. */
    public List<MasterDataChange> history(long debtorId) {
        return debtors.history(debtorId).reversed();
    }

    /** TX-8: what passed between Kontor and the provider about the process. */
    public List<ProviderExchange> providerLog(long txid) {
        return providerLog.of(txid);
    }
}
