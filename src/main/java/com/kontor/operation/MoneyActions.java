package com.kontor.operation;

import com.kontor.ledger.LedgerQueries;
import com.kontor.ledger.ProcessDetails;
import com.kontor.ledger.ProcessLimits;
import com.kontor.ledger.ProcessStatus;
import com.kontor.psp.ProviderDirectory;
import com.kontor.tenancy.CurrentTenancy;
import com.kontor.tenancy.CurrentUser;
import com.kontor.tenancy.Role;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which money operations fit a process (TX-6: its payment method, status, amounts and the user's roles), with the
 * maxima the dialogs show, and the process's approval requests. The services check everything again under the
 * process's lock; this only decides what the process panel offers.
 */
@Service
public class MoneyActions {

    private final LedgerQueries ledger;
    private final Approvals approvals;
    private final CurrentUser currentUser;
    private final ProviderDirectory providers;
    private final CurrentTenancy currentTenancy;

    public MoneyActions(
            LedgerQueries ledger,
            Approvals approvals,
            CurrentUser currentUser,
            ProviderDirectory providers,
            CurrentTenancy currentTenancy) {
        this.ledger = ledger;
        this.approvals = approvals;
        this.currentUser = currentUser;
        this.providers = providers;
        this.currentTenancy = currentTenancy;
    }

    /**
     * What the process panel offers. {@code transferRefusal} is the message key saying why an overpayment cannot be
     * transferred (null when it can, or when there is no overpayment). {@code payout}: money can be sent back,
     * i.e. the process's provider is configured in this mode (a credit with funds, a disbursal).
     */
    public record Options(
            ProcessLimits limits,
            boolean mayOperate,
            boolean payout,
            boolean capture,
            boolean refund,
            boolean credit,
            boolean derecognise,
            boolean transfer,
            String transferRefusal,
            List<ProcessDetails> transferTargets,
            List<Approvals.Approval> approvals) {

        public boolean any() {
            return capture || refund || credit || derecognise || transfer;
        }
    }

    @Transactional(readOnly = true)
    public Optional<Options> of(long txid) {
        return ledger.limits(txid).map(this::options);
    }

    private Options options(ProcessLimits l) {
        boolean may = currentUser
                .get()
                .map(u -> u.hasRole(Role.FINANCE) || u.hasRole(Role.ADMIN))
                .orElse(false);
        boolean live = l.live();
        boolean payout = l.provider() != null
                && providers
                        .byName(currentTenancy.requirePartition(), l.provider())
                        .isPresent();
        boolean capture = may && payout && l.status() == ProcessStatus.PREAUTHORIZED && l.preauthorized() > 0;
        boolean refund = may && payout && live && l.refundable() > 0;
        boolean credit = may && live && l.status() != ProcessStatus.IN_PROCESSING && l.receivable() > 0;
        boolean derecognise =
                may && live && l.status() != ProcessStatus.IN_PROCESSING && l.preauthorized() == 0 && l.balance() > 0;
        boolean overpaid = may && live && l.balance() < 0;
        List<ProcessDetails> targets = List.of();
        String refusal = null;
        if (overpaid) {
            if (!l.method().isAccountBased()) {
                refusal = "transfer.notAccountBased";
            } else if (l.overpayment() == 0) {
                refusal = "transfer.nothingFree";
            } else {
                targets = l.debtorId() == null
                        ? List.of()
                        : ledger.transferTargets(
                                l.debtorId(), l.txid(), l.method(), l.currency().getCurrencyCode());
                if (targets.isEmpty()) {
                    refusal = "transfer.noTargets";
                }
            }
        }
        return new Options(
                l,
                may,
                payout,
                capture,
                refund,
                credit,
                derecognise,
                overpaid,
                refusal,
                targets,
                approvals.ofProcess(l.txid()));
    }
}
