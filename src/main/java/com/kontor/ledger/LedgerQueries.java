package com.kontor.ledger;

import com.kontor.ledger.internal.Booking;
import com.kontor.ledger.internal.BookingRepository;
import com.kontor.ledger.internal.PaymentProcess;
import com.kontor.ledger.internal.PaymentProcessRepository;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the processes and accounts of the current merchant and mode (TX-4, TX-5); a process of another is absent. */
@Service
@Transactional(readOnly = true)
public class LedgerQueries {

    private final PaymentProcessRepository processes;
    private final BookingRepository bookings;

    @PersistenceContext
    private EntityManager entityManager;

    public LedgerQueries(PaymentProcessRepository processes, BookingRepository bookings) {
        this.processes = processes;
        this.bookings = bookings;
    }

    /** The process with its bookings. */
    public Optional<ProcessDetails> byTxid(long txid) {
        return processes.findById(txid).map(p -> ProcessMapping.details(p, bookings.findByTxidOrderByIdAsc(txid)));
    }

    /** What money operations on the process may take, as it stands now (read without a lock). */
    public Optional<ProcessLimits> limits(long txid) {
        return processes.findById(txid).map(LedgerQueries::limits);
    }

    static ProcessLimits limits(PaymentProcess p) {
        return new ProcessLimits(
                p.getTxid(),
                p.getDebtorId(),
                p.getPaymentMethod(),
                java.util.Currency.getInstance(p.getCurrency()),
                p.getStatus(),
                p.getProvider(),
                p.getVersion(),
                p.getReceivable(),
                p.getPaid(),
                p.getCollected(),
                p.getRefunded(),
                p.getPreauthorized(),
                p.getReserved(),
                p.getBalance(),
                p.getRefundable());
    }

    /**
     * The debtor's other processes an overpayment of {@code method} in {@code currency} may be transferred to (OPS-5):
     * same method and currency, something open, not in processing; oldest first.
     */
    public List<ProcessDetails> transferTargets(long debtorId, long exceptTxid, PaymentMethod method, String currency) {
        return entityManager
                .createQuery(
                        "select p from PaymentProcess p where p.debtorId = :debtor and p.txid <> :except"
                                + " and p.paymentMethod = :method and p.currency = :currency"
                                + " and p.receivable > p.paid and p.status = :open order by p.txid",
                        PaymentProcess.class)
                .setParameter("debtor", debtorId)
                .setParameter("except", exceptTxid)
                .setParameter("method", method)
                .setParameter("currency", currency)
                .setParameter("open", ProcessStatus.OPEN)
                .setMaxResults(200)
                .getResultList()
                .stream()
                .map(p -> ProcessMapping.details(p, List.of()))
                .toList();
    }

    /** The process without its bookings. */
    public Optional<ProcessDetails> summary(long txid) {
        return processes.findById(txid).map(p -> ProcessMapping.details(p, List.of()));
    }

    /**
     * One page of a debtor's processes, newest first, without their bookings: the detail view's list pages lazily
     * instead of loading a debtor's hundreds of processes on every visit.
     */
    public List<ProcessDetails> processesOf(long debtorId, int offset, int limit) {
        return entityManager
                .createQuery(
                        "select p from PaymentProcess p where p.debtorId = :debtor order by p.txid desc",
                        PaymentProcess.class)
                .setParameter("debtor", debtorId)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(p -> ProcessMapping.details(p, List.of()))
                .toList();
    }

    /** How many processes a debtor has. */
    public int countProcessesOf(long debtorId) {
        return entityManager
                .createQuery("select count(p) from PaymentProcess p where p.debtorId = :debtor", Long.class)
                .setParameter("debtor", debtorId)
                .getSingleResult()
                .intValue();
    }

    /** The customer account of a debtor (TX-5): all bookings of all its processes, oldest first, with totals. */
    public CustomerAccount customerAccount(long debtorId) {
        List<Long> txids = processes.findByDebtorIdOrderByTxidDesc(debtorId).stream()
                .map(PaymentProcess::getTxid)
                .toList();
        if (txids.isEmpty()) {
            return new CustomerAccount(List.of(), List.of());
        }
        List<Booking> all = bookings.findByTxidInOrderByBookedAtAscIdAsc(txids);
        AccountTotals totals = new AccountTotals();
        List<CustomerAccount.Line> lines = new ArrayList<>(all.size());
        for (Booking b : all) {
            ProcessDetails.BookingLine line = ProcessMapping.line(b);
            totals.add(line.debit(), line.credit());
            lines.add(new CustomerAccount.Line(b.getTxid(), line));
        }
        return new CustomerAccount(lines, totals.totals());
    }

    /** A debtor's balances per currency (TX-5) and its processes' TXIDs, newest first. */
    public DebtorBalances balancesOf(long debtorId) {
        List<PaymentProcess> all = processes.findByDebtorIdOrderByTxidDesc(debtorId);
        AccountTotals totals = new AccountTotals();
        all.forEach(p -> totals.add(
                ProcessMapping.money(p.getReceivable(), p.getCurrency()),
                ProcessMapping.money(p.getPaid(), p.getCurrency())));
        return new DebtorBalances(
                totals.balances(), all.stream().map(PaymentProcess::getTxid).toList());
    }
}
