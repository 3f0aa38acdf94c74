package com.kontor.operation;

import com.kontor.audit.Actor;
import com.kontor.audit.AuditEventType;
import com.kontor.db.RetryingTransactions;
import com.kontor.debtor.DebtorDetails;
import com.kontor.debtor.DebtorService;
import com.kontor.ledger.BookingSource;
import com.kontor.ledger.LedgerQueries;
import com.kontor.ledger.LockedProcess;
import com.kontor.ledger.ProcessDetails;
import com.kontor.ledger.ReceivableType;
import com.kontor.money.Money;
import com.kontor.operation.internal.ApprovalRequest;
import com.kontor.operation.internal.ApprovalRequestRepository;
import com.kontor.operation.internal.OperationAudit;
import com.kontor.operation.internal.Payouts;
import com.kontor.operation.internal.Processes;
import com.kontor.tenancy.CurrentUser;
import com.kontor.tenancy.OperationRefused;
import com.kontor.tenancy.Role;
import com.kontor.text.FreeText;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Four-eyes approvals (OPS-6): the requests that wait, from the portal and from the shop's API, and their decision
 * by a second person with the role APPROVER. Approving executes the operation (the payout through the provider, the
 * credit entry, the de-recognition); rejecting needs a reason and releases the reserved amount. Nobody decides their
 * own request. The request's row is locked while it is decided, so two approvers clicking at once execute it once.
 */
@Service
public class Approvals {

    public static final String REFUND = "REFUND";
    public static final String CREDIT = "CREDIT";
    public static final String DERECOGNITION = "DERECOGNITION";
    public static final int MAX_REASON = 300;

    private final ApprovalRequestRepository requests;
    private final Processes processes;
    private final Payouts payouts;
    private final CreditNotes creditNotes;
    private final OperationAudit audit;
    private final LedgerQueries ledger;
    private final DebtorService debtors;
    private final CurrentUser currentUser;
    private final JsonMapper json;
    private final RetryingTransactions transaction;
    private final Clock clock;

    public Approvals(
            ApprovalRequestRepository requests,
            Processes processes,
            Payouts payouts,
            CreditNotes creditNotes,
            OperationAudit audit,
            LedgerQueries ledger,
            DebtorService debtors,
            CurrentUser currentUser,
            JsonMapper json,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.requests = requests;
        this.processes = processes;
        this.payouts = payouts;
        this.creditNotes = creditNotes;
        this.audit = audit;
        this.ledger = ledger;
        this.debtors = debtors;
        this.currentUser = currentUser;
        this.json = json;
        this.transaction = new RetryingTransactions(transactionManager);
        this.clock = clock;
    }

    /** A request as the lists show it; {@code debtorNumber} links to the debtor's view. */
    public record Approval(
            long id,
            long txid,
            Long debtorNumber,
            String debtorName,
            String kind,
            Money amount,
            ApprovalRequest.Status status,
            Instant requestedAt,
            String requestedBy,
            boolean requestedByMe,
            String note,
            Instant decidedAt,
            String decidedBy,
            String reason,
            String outcome) {}

    /**
     * The requests waiting in the current merchant and mode, oldest first; for those who decide (APPROVER) and those
     * who may look (FINANCE, ADMIN), as the Approvals view's route allows.
     */
    @Transactional(readOnly = true)
    public List<Approval> pending() {
        requireMayLook();
        return requests.findByStatusOrderByRequestedAtAsc(ApprovalRequest.Status.PENDING).stream()
                .map(r -> view(r, true))
                .toList();
    }

    /** The ten requests decided last in the current merchant and mode, newest first, with how they ended. */
    @Transactional(readOnly = true)
    public List<Approval> decidedRecently() {
        requireMayLook();
        return requests.findTop10ByStatusNotOrderByDecidedAtDesc(ApprovalRequest.Status.PENDING).stream()
                .map(r -> view(r, true))
                .toList();
    }

    private void requireMayLook() {
        boolean mayLook = currentUser
                .get()
                .map(u -> u.hasRole(Role.APPROVER) || u.hasRole(Role.FINANCE) || u.hasRole(Role.ADMIN))
                .orElse(false);
        if (!mayLook) {
            throw new AccessDeniedException("The approvals are for APPROVER, FINANCE and ADMIN");
        }
    }

    /** A process's requests, newest first: what waits and how the last ones ended. */
    @Transactional(readOnly = true)
    public List<Approval> ofProcess(long txid) {
        // the process panel shows its debtor already: no debtor read per request on every navigation
        return requests.findTop20ByTxidOrderByRequestedAtDesc(txid).stream()
                .map(r -> view(r, false))
                .toList();
    }

    /** Whether the logged-in person may decide requests at all. */
    public boolean mayDecide() {
        return currentUser.get().map(u -> u.hasRole(Role.APPROVER)).orElse(false);
    }

    private record Decided(Payouts.Prepared payout, ApprovalRequest request) {}

    /** Approves and executes a request; answers the process afterwards. */
    public ProcessDetails approve(long id) {
        Actor approver = requireApprover();
        Decided decided = transaction.write(status -> approveAndBook(id, approver));
        if (decided.payout() == null) {
            return ledger.byTxid(decided.request().getTxid()).orElseThrow();
        }
        ApprovalRequest request = decided.request();
        List<CreditItem> items =
                CREDIT.equals(request.getKind()) ? payload(request).items() : List.of();
        Payouts.Paid paid = payouts.pay(
                decided.payout(),
                approver,
                CREDIT.equals(request.getKind()) ? AuditEventType.CREDIT_ENTRY_BOOKED : AuditEventType.PAYMENT_REFUNDED,
                Map.of("approvalId", id),
                p -> {
                    if (!items.isEmpty()) {
                        creditNotes.issue(p, items);
                    }
                });
        String outcome = paid.call().failed()
                ? "DECLINED: " + paid.call().answer().errorMessage()
                : paid.call().approved() ? "PAID" : "PENDING_AT_PROVIDER";
        transaction.run(status -> requests.lockById(id).ifPresent(r -> r.setOutcome(outcome)));
        return paid.process();
    }

    private Decided approveAndBook(long id, Actor approver) {
        long txid = requests.findTxidById(id).orElseThrow(() -> OperationRefused.because("approval.notFound"));
        // the process first, then the request: the order every money operation on the process locks in
        LockedProcess process = processes.lock(txid, BookingSource.USER);
        ApprovalRequest request = lockPending(id, approver);
        request.approve(Instant.now(clock), approver);
        audit.record(
                approver,
                AuditEventType.OPERATION_APPROVED,
                process.debtorId(),
                process.txid(),
                Map.of(
                        "approvalId",
                        id,
                        "operation",
                        request.getKind(),
                        "amount",
                        process.money(request.getAmount()).toString(),
                        "requestedBy",
                        String.valueOf(request.getRequesterName())));
        ReceivableType type = ReceivableType.CREDIT_ENTRY;
        switch (request.getKind()) {
            case CREDIT -> type = payload(request).type().receivableType();
            case DERECOGNITION -> {
                if (process.balance() > 0) {
                    DerecognitionService.book(process, request.getAmount(), request.getNote(), approver, audit);
                }
            }
            default -> {}
        }
        Payouts.Prepared payout = payouts.prepareApproved(process, request.getAmount(), type, id);
        payouts.record(
                payout,
                CREDIT.equals(request.getKind()) ? AuditEventType.CREDIT_ENTRY_BOOKED : AuditEventType.PAYMENT_REFUNDED,
                CREDIT.equals(request.getKind()) ? request.getPayload() : null);
        return new Decided(payout, request);
    }

    /** Rejects a request with a reason: nothing is booked, the reserved amount is free again. */
    @Transactional
    public void reject(long id, String reason) {
        Actor approver = requireApprover();
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw OperationRefused.onField("reason", "approval.reasonRequired");
        }
        if (why.length() > MAX_REASON) {
            throw OperationRefused.onField("reason", "approval.reasonTooLong", MAX_REASON);
        }
        FreeText.Problem problem = FreeText.problem(why, true);
        if (problem != null) {
            throw OperationRefused.onField("reason", problem.messageKey());
        }
        long txid = requests.findTxidById(id).orElseThrow(() -> OperationRefused.because("approval.notFound"));
        LockedProcess process = processes.lock(txid, BookingSource.USER);
        ApprovalRequest request = lockPending(id, approver);
        request.reject(Instant.now(clock), approver, why);
        process.refundFailed(request.getAmount());
        audit.record(
                approver,
                AuditEventType.OPERATION_REJECTED,
                process.debtorId(),
                process.txid(),
                Map.of(
                        "approvalId",
                        id,
                        "operation",
                        request.getKind(),
                        "amount",
                        process.money(request.getAmount()).toString(),
                        "reason",
                        why));
    }

    private ApprovalRequest lockPending(long id, Actor approver) {
        ApprovalRequest request =
                requests.lockById(id).orElseThrow(() -> OperationRefused.because("approval.notFound"));
        if (request.getStatus() != ApprovalRequest.Status.PENDING) {
            throw OperationRefused.because("approval.alreadyDecided");
        }
        if (request.requestedBy(approver)) {
            throw OperationRefused.because("approval.ownRequest");
        }
        return request;
    }

    private Actor requireApprover() {
        if (!mayDecide()) {
            throw new AccessDeniedException("Deciding approvals needs the role APPROVER");
        }
        return currentUser.require().asActor();
    }

    private CreditService.Payload payload(ApprovalRequest request) {
        return json.readValue(request.getPayload(), CreditService.Payload.class);
    }

    private Approval view(ApprovalRequest r, boolean withDebtor) {
        Optional<DebtorDetails> debtor = withDebtor
                ? ledger.summary(r.getTxid()).map(ProcessDetails::debtorId).flatMap(debtors::details)
                : Optional.empty();
        Long debtorNumber = debtor.map(DebtorDetails::debtorNumber).orElse(null);
        String debtorName = debtor.map(d -> d.masterData().displayName()).orElse(null);
        Actor me = currentUser.get().map(u -> u.asActor()).orElse(null);
        return new Approval(
                r.getId(),
                r.getTxid(),
                debtorNumber,
                debtorName,
                r.getKind(),
                Money.of(r.getAmount(), r.getCurrency()),
                r.getStatus(),
                r.getRequestedAt(),
                r.getRequesterName(),
                me != null && r.requestedBy(me),
                r.getNote(),
                r.getDecidedAt(),
                r.getDecidedBy(),
                r.getReason(),
                r.getOutcome());
    }
}
