package com.kontor.payment;

import com.kontor.audit.Actor;
import com.kontor.audit.AuditEntry;
import com.kontor.audit.AuditEventType;
import com.kontor.audit.AuditLog;
import com.kontor.blacklist.Blacklist;
import com.kontor.blacklist.BlacklistKind;
import com.kontor.debtor.BankAccountView;
import com.kontor.debtor.CardView;
import com.kontor.debtor.DebtorDetails;
import com.kontor.debtor.DebtorPaymentData;
import com.kontor.debtor.DebtorService;
import com.kontor.debtor.MandateView;
import com.kontor.debtor.MasterData;
import com.kontor.money.Money;
import com.kontor.payment.internal.ApprovalRequest;
import com.kontor.payment.internal.ApprovalRequestRepository;
import com.kontor.payment.internal.Booking;
import com.kontor.payment.internal.BookingRepository;
import com.kontor.payment.internal.Ledger;
import com.kontor.payment.internal.PaymentProcess;
import com.kontor.payment.internal.PaymentProcessRepository;
import com.kontor.payment.internal.ProviderLogEntry;
import com.kontor.payment.internal.ProviderLogRepository;
import com.kontor.payment.provider.PaymentProvider;
import com.kontor.payment.provider.ProviderAnswer;
import com.kontor.payment.provider.ProviderDirectory;
import com.kontor.payment.provider.ProviderGateway;
import com.kontor.payment.provider.ProviderRequest;
import com.kontor.tenancy.CurrentTenancy;
import com.kontor.tenancy.CurrentUser;
import com.kontor.tenancy.MerchantDirectory;
import com.kontor.tenancy.OperationRefused;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.Role;
import com.kontor.tenancy.SettingsSnapshot;
import com.kontor.tenancy.TenancyScope;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payment processes of the current merchant and mode (TX, OPS-1/2/7, BL-3): creation with the provider, captures,
 * shipments, refunds with the four-eyes rule, and the process account. Every booking goes through {@link Ledger};
 * captures and refunds lock the process row, so limits hold under concurrency; a refund reserves its amount while
 * it waits for approval or for the provider.
 */
@Service
public class PaymentService {

    private final PaymentProcessRepository processes;

    @PersistenceContext
    private EntityManager entityManager;

    private final BookingRepository bookings;
    private final ProviderLogRepository providerLog;
    private final ApprovalRequestRepository approvals;
    private final DebtorService debtors;
    private final DebtorPaymentData paymentData;
    private final Blacklist blacklist;
    private final MerchantDirectory merchants;
    private final CurrentTenancy currentTenancy;
    private final ProviderDirectory providers;
    private final ProviderGateway gateway;
    private final AuditLog auditLog;
    private final Validator validator;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final CurrentUser currentUser;
    private final Clock clock;

    public PaymentService(
            PaymentProcessRepository processes,
            BookingRepository bookings,
            ProviderLogRepository providerLog,
            ApprovalRequestRepository approvals,
            DebtorService debtors,
            DebtorPaymentData paymentData,
            Blacklist blacklist,
            MerchantDirectory merchants,
            CurrentTenancy currentTenancy,
            ProviderDirectory providers,
            ProviderGateway gateway,
            AuditLog auditLog,
            Validator validator,
            PlatformTransactionManager transactionManager,
            ApplicationEventPublisher events,
            CurrentUser currentUser,
            Clock clock) {
        this.currentUser = currentUser;
        this.events = events;
        this.processes = processes;
        this.bookings = bookings;
        this.providerLog = providerLog;
        this.approvals = approvals;
        this.debtors = debtors;
        this.paymentData = paymentData;
        this.blacklist = blacklist;
        this.merchants = merchants;
        this.currentTenancy = currentTenancy;
        this.providers = providers;
        this.gateway = gateway;
        this.auditLog = auditLog;
        this.validator = validator;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    // ---------------------------------------------------------------------------------------------- creation

    private record Created(PaymentView view, PaymentRefused refusal) {}

    /**
     * A new payment process for the portal. A payment whose email, IBAN or card is blacklisted is recorded as an
     * ERROR process and refused ({@code BLACKLISTED}); nothing else is written. A decline by the provider is no
     * refusal: the process is answered in status ERROR with the provider's reason.
     */
    public PaymentView create(long portalId, NewPayment request, Actor actor) {
        requireMayMoveMoney();
        Created created;
        try {
            created = transaction.execute(status -> createInTransaction(portalId, request, actor));
        } catch (DataIntegrityViolationException e) {
            if (e.getMessage() == null || !e.getMessage().contains("uq_debtor_customer")) {
                throw e;
            }
            // a parallel request created this new customer's debtor a moment ago (its transaction rolled back
            // nothing of ours): the second attempt finds and uses that debtor
            created = transaction.execute(status -> createInTransaction(portalId, request, actor));
        }
        if (created.refusal() != null) {
            throw created.refusal();
        }
        return created.view();
    }

    private Created createInTransaction(long portalId, NewPayment request, Actor actor) {
        Partition partition = currentTenancy.requirePartition();
        SettingsSnapshot settings = merchants.requireCurrent().settings();
        validate(request);
        Optional<DebtorDetails> existing = debtors.byCustomerId(request.customerId());
        if (existing.isEmpty() && request.debtor() == null) {
            throw OperationRefused.onField("debtor", "payment.debtorRequired");
        }
        PaymentMethod method = request.paymentMethod();
        DebtorPaymentData.ValidBankAccount bankAccount =
                request.bankAccount() == null ? null : paymentData.validate(request.bankAccount(), "bankAccount");
        DebtorPaymentData.ValidCard card = request.card() == null ? null : paymentData.validate(request.card(), "card");
        Optional<BankAccountView> storedAccount = Optional.empty();
        Optional<CardView> storedCard = Optional.empty();
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
        Optional<PaymentProvider> provider = providers.providerFor(partition, portalId, method);
        if (provider.isEmpty() && method.needsProvider()) {
            throw new PaymentRefused(
                    PaymentRefused.Code.PROVIDER_NOT_CONFIGURED,
                    "This portal has no payment provider for " + method + " in " + partition.mode() + " mode.");
        }

        Instant now = Instant.now(clock);
        // drawn before anything is written: the native query would flush the session, splitting its batches
        long txid = processes.nextTxid();
        String blockedBy = blacklistHit(request, existing, method, bankAccount, storedAccount, card, storedCard);
        if (blockedBy != null) {
            PaymentProcess refused =
                    newProcess(txid, portalId, existing.map(DebtorDetails::id).orElse(null), request, settings, now);
            Ledger.at(now, BookingSource.API)
                    .failed(
                            refused,
                            "BLACKLISTED",
                            "The " + blockedBy + " of this payment is on the merchant's blacklist.");
            // persist, not save: the TXID is assigned, so save would merge and read the row that is not there first
            entityManager.persist(refused);
            audit(
                    partition,
                    actor,
                    AuditEventType.PAYMENT_REFUSED,
                    existing.map(DebtorDetails::debtorNumber).orElse(null),
                    refused,
                    Map.of("reason", "BLACKLISTED", "value", blockedBy));
            return new Created(
                    null,
                    new PaymentRefused(
                            PaymentRefused.Code.BLACKLISTED,
                            "The " + blockedBy + " of this payment is on the merchant's blacklist.",
                            refused.getTxid()));
        }

        DebtorDetails debtor = request.debtor() == null
                ? existing.orElseThrow()
                : existing.isPresent()
                        ? debtors.update(existing.get().id(), existing.get().version(), request.debtor(), actor)
                        : debtors.createUnknown(request.customerId(), request.debtor(), actor);
        PaymentProcess process = newProcess(txid, portalId, debtor.id(), request, settings, now);
        Long bankAccountId = null;
        Long mandateId = null;
        Long cardId = null;
        String iban = null;
        String token = null;
        String mandateReference = null;
        if (method == PaymentMethod.DIRECT_DEBIT) {
            BankAccountView account;
            MandateView mandate;
            if (bankAccount != null) {
                DebtorPaymentData.DebitData debit =
                        paymentData.debitWith(debtor.id(), existing.isEmpty(), bankAccount, actor);
                account = debit.account();
                mandate = debit.mandate();
            } else {
                account = storedAccount.orElseThrow();
                mandate = paymentData.mandateFor(debtor.id(), account.id(), null, actor);
            }
            bankAccountId = account.id();
            mandateId = mandate.id();
            mandateReference = mandate.mandateReference();
            // the IBAN of the request as it came, or the stored one decrypted for the provider
            iban = bankAccount != null ? bankAccount.iban().value() : paymentData.ibanForProvider(account.id());
        }
        if (method == PaymentMethod.CARD) {
            CardView used = card != null ? paymentData.useCard(debtor.id(), card, actor) : storedCard.orElseThrow();
            cardId = used.id();
            token = paymentData.cardTokenForProvider(used.id());
        }
        process.usePaymentData(bankAccountId, mandateId, cardId);

        Ledger ledger = Ledger.at(now, BookingSource.API);
        List<Booking> booked = new ArrayList<>();
        List<ProviderLogEntry> exchanges = new ArrayList<>();
        if (provider.isPresent()) {
            process.setProvider(provider.get().name(), provider.get().referenceFor(process.getTxid()));
        }
        if (method.isOpenItem()) {
            booked.addAll(ledger.opened(process, null));
        } else {
            PaymentProvider p = provider.orElseThrow();
            String operation = method == PaymentMethod.DIRECT_DEBIT
                    ? "debit"
                    : request.type() == ProcessType.PREAUTHORIZATION ? "preauthorise" : "authorise";
            ProviderRequest providerRequest = new ProviderRequest(
                    UUID.randomUUID().toString(),
                    process.getTxid(),
                    process.getReference(),
                    method,
                    process.getAmount(),
                    process.getCurrency(),
                    process.getProviderReference(),
                    token,
                    iban,
                    mandateReference);
            ProviderAnswer answer = call(p, operation, providerRequest, exchanges, now);
            if (answer.providerReference() != null) {
                process.setProvider(p.name(), answer.providerReference());
            }
            switch (answer.outcome()) {
                case APPROVED, PENDING -> {
                    if (method == PaymentMethod.DIRECT_DEBIT) {
                        booked.addAll(ledger.opened(process, answer.providerTxn()));
                    } else if (answer.outcome() == ProviderAnswer.Outcome.APPROVED) {
                        booked.addAll(
                                request.type() == ProcessType.PREAUTHORIZATION
                                        ? ledger.preauthorised(process)
                                        : ledger.authorised(process, answer.providerTxn()));
                    }
                }
                case DECLINED, ERROR -> ledger.failed(process, answer.errorCode(), answer.errorMessage());
            }
        }
        entityManager.persist(process);
        bookings.saveAll(booked);
        providerLog.saveAll(exchanges);
        audit(
                partition,
                actor,
                AuditEventType.PAYMENT_CREATED,
                debtor.debtorNumber(),
                process,
                Map.of(
                        "paymentMethod",
                        method.name(),
                        "amount",
                        money(process, process.getAmount()).toString(),
                        "status",
                        process.getStatus().name()));
        return new Created(view(process, booked), null);
    }

    private PaymentProcess newProcess(
            long txid, long portalId, Long debtorId, NewPayment request, SettingsSnapshot settings, Instant now) {
        LocalDate dueDate = request.dueDate();
        if (dueDate == null
                && (request.paymentMethod() == PaymentMethod.INVOICE
                        || request.paymentMethod() == PaymentMethod.PREPAYMENT)) {
            dueDate = LocalDate.ofInstant(now, settings.timeZone()).plusDays(settings.paymentTermDays());
        }
        return new PaymentProcess(
                txid,
                portalId,
                debtorId,
                request.customerId(),
                request.reference(),
                request.type(),
                request.paymentMethod(),
                request.amount().currency().getCurrencyCode(),
                request.amount().minor(),
                now,
                dueDate);
    }

    private void validate(NewPayment request) {
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
        if (request.paymentMethod() == null) {
            throw OperationRefused.onField("paymentMethod", "payment.methodRequired");
        }
        if (request.dueDate() != null
                && request.paymentMethod() != PaymentMethod.INVOICE
                && request.paymentMethod() != PaymentMethod.PREPAYMENT) {
            throw OperationRefused.onField("dueDate", "payment.dueDateOnlyForInvoices");
        }
        if (request.bankAccount() != null && request.paymentMethod() != PaymentMethod.DIRECT_DEBIT) {
            throw OperationRefused.onField("bankAccount", "payment.bankAccountOnlyForDirectDebit");
        }
        if (request.card() != null && request.paymentMethod() != PaymentMethod.CARD) {
            throw OperationRefused.onField("card", "payment.cardOnlyForCards");
        }
        if (request.debtor() != null) {
            Set<ConstraintViolation<MasterData>> violations = validator.validate(request.debtor());
            if (!violations.isEmpty()) {
                throw new ConstraintViolationException(violations);
            }
        }
    }

    /** BL-3: an email blocks every method; an IBAN blocks direct debit with it; a card token blocks card payments. */
    private String blacklistHit(
            NewPayment request,
            Optional<DebtorDetails> existing,
            PaymentMethod method,
            DebtorPaymentData.ValidBankAccount bankAccount,
            Optional<BankAccountView> storedAccount,
            DebtorPaymentData.ValidCard card,
            Optional<CardView> storedCard) {
        Map<BlacklistKind, List<String>> values = new java.util.EnumMap<>(BlacklistKind.class);
        List<String> emails = new ArrayList<>(2);
        if (request.debtor() != null && request.debtor().email() != null) {
            emails.add(
                    blacklist.fingerprint(BlacklistKind.EMAIL, request.debtor().email()));
        }
        existing.map(d -> d.masterData().email())
                .filter(e -> e != null)
                .ifPresent(e -> emails.add(blacklist.fingerprint(BlacklistKind.EMAIL, e)));
        values.put(BlacklistKind.EMAIL, emails);
        if (method == PaymentMethod.DIRECT_DEBIT) {
            String fingerprint = bankAccount != null
                    ? bankAccount.fingerprint()
                    : storedAccount.map(BankAccountView::ibanFingerprint).orElse(null);
            values.put(BlacklistKind.IBAN, fingerprint == null ? List.of() : List.of(fingerprint));
        }
        if (method == PaymentMethod.CARD) {
            String fingerprint = card != null
                    ? card.fingerprint()
                    : storedCard.map(CardView::tokenFingerprint).orElse(null);
            values.put(BlacklistKind.CARD_TOKEN, fingerprint == null ? List.of() : List.of(fingerprint));
        }
        java.util.Set<BlacklistKind> hits = blacklist.blacklistedKinds(values);
        return hits.contains(BlacklistKind.EMAIL)
                ? "email"
                : hits.contains(BlacklistKind.IBAN) ? "IBAN" : hits.contains(BlacklistKind.CARD_TOKEN) ? "card" : null;
    }

    // ------------------------------------------------------------------------------------- captures, shipments

    /** Captures {@code amount} of a pre-authorisation (OPS-1); the process is locked while it happens. */
    @Transactional
    public PaymentView capture(long txid, Money amount, Actor actor) {
        requireMayMoveMoney();
        PaymentProcess process = lock(txid);
        if (process.getStatus() != ProcessStatus.PREAUTHORIZED || process.getPreauthorized() == 0) {
            throw new PaymentRefused(
                    PaymentRefused.Code.INVALID_STATE,
                    "Process " + txid + " is " + process.getStatus() + ": nothing is pre-authorised to capture.");
        }
        requireSameCurrency(process, amount);
        if (amount.minor() > process.getPreauthorized()) {
            throw new PaymentRefused(
                    PaymentRefused.Code.AMOUNT_EXCEEDS_LIMIT,
                    "At most " + money(process, process.getPreauthorized()) + " is left to capture.");
        }
        return doCapture(process, amount.minor(), actor);
    }

    /** The order shipped: captures what is still pre-authorised (seed 000). */
    @Transactional
    public PaymentView ship(long txid, Actor actor) {
        requireMayMoveMoney();
        PaymentProcess process = lock(txid);
        if (process.getStatus() != ProcessStatus.PREAUTHORIZED || process.getPreauthorized() == 0) {
            throw new PaymentRefused(
                    PaymentRefused.Code.INVALID_STATE,
                    "Process " + txid + " is " + process.getStatus() + ": nothing is left pre-authorised to capture.");
        }
        return doCapture(process, process.getPreauthorized(), actor);
    }

    private PaymentView doCapture(PaymentProcess process, long amount, Actor actor) {
        Partition partition = currentTenancy.requirePartition();
        PaymentProvider provider = providerOf(process);
        Instant now = Instant.now(clock);
        List<ProviderLogEntry> exchanges = new ArrayList<>();
        ProviderAnswer answer = call(provider, "capture", request(process, amount), exchanges, now);
        providerLog.saveAll(exchanges);
        if (answer.outcome() == ProviderAnswer.Outcome.DECLINED || answer.outcome() == ProviderAnswer.Outcome.ERROR) {
            throw new PaymentRefused(
                    PaymentRefused.Code.PROVIDER_DECLINED,
                    "The provider refused the capture: " + answer.errorMessage());
        }
        List<Booking> booked = Ledger.at(now, BookingSource.PROVIDER)
                .captured(process, amount, answer.providerTxn(), answer.outcome() == ProviderAnswer.Outcome.APPROVED);
        bookings.saveAll(booked);
        audit(
                partition,
                actor,
                AuditEventType.PAYMENT_CAPTURED,
                debtorNumber(process),
                process,
                Map.of("amount", money(process, amount).toString()));
        return view(process, bookings.findByTxidOrderByIdAsc(process.getTxid()));
    }

    /** API.md: may the order ship, i.e. is the payment committed? */
    @Transactional(readOnly = true)
    public Shippable shippable(long txid) {
        PaymentProcess p = find(txid);
        return switch (p.getStatus()) {
            case PREAUTHORIZED -> new Shippable(true, "The amount is pre-authorised.");
            case OK -> new Shippable(true, "The process is paid.");
            case OPEN ->
                switch (p.getPaymentMethod()) {
                    case INVOICE -> new Shippable(true, "An invoice is paid after delivery.");
                    case CASH_ON_DELIVERY -> new Shippable(true, "Cash on delivery is paid at delivery.");
                    case PREPAYMENT -> new Shippable(false, "The prepayment has not arrived yet.");
                    default -> new Shippable(false, "The payment is open.");
                };
            case IN_PROCESSING ->
                p.getPaymentMethod() == PaymentMethod.DIRECT_DEBIT && p.getMandateId() != null
                        ? new Shippable(true, "The direct debit is in processing with a mandate.")
                        : new Shippable(false, "The payment is still in processing.");
            case ERROR -> new Shippable(false, "The payment failed.");
            case EMPTY -> new Shippable(false, "The payment was abandoned.");
        };
    }

    // -------------------------------------------------------------------------------------------------- refunds

    private record RefundStart(RefundOutcome pending, ProviderRequest request, PaymentProvider provider) {}

    /**
     * Refunds {@code amount} to the original means of payment (OPS-2). Above the merchant's four-eyes threshold
     * (the sum of the process's refunds counts) it waits as an approval request (OPS-6) and reserves its amount;
     * otherwise it reserves the amount while the provider is asked, then books the refund.
     */
    public RefundOutcome refund(long txid, Money amount, Actor actor) {
        requireMayMoveMoney();
        RefundStart start = transaction.execute(status -> startRefund(txid, amount, actor));
        if (start.pending() != null) {
            return start.pending();
        }
        PaymentProvider provider = start.provider();
        List<ProviderLogEntry> exchanges = new ArrayList<>();
        ProviderAnswer answer = call(provider, "refund", start.request(), exchanges, Instant.now(clock));
        PaymentView after = transaction.execute(status -> finishRefund(txid, amount.minor(), answer, exchanges, actor));
        if (answer.outcome() == ProviderAnswer.Outcome.DECLINED || answer.outcome() == ProviderAnswer.Outcome.ERROR) {
            throw new PaymentRefused(
                    PaymentRefused.Code.PROVIDER_DECLINED, "The provider refused the refund: " + answer.errorMessage());
        }
        return new RefundOutcome.Done(after);
    }

    private RefundStart startRefund(long txid, Money amount, Actor actor) {
        Partition partition = currentTenancy.requirePartition();
        PaymentProcess process = lock(txid);
        ProcessStatus status = process.getStatus();
        if (status == ProcessStatus.ERROR
                || status == ProcessStatus.EMPTY
                || (status == ProcessStatus.PREAUTHORIZED || status == ProcessStatus.IN_PROCESSING)
                        && process.getCollected() == 0) {
            throw new PaymentRefused(
                    PaymentRefused.Code.INVALID_STATE,
                    "Process " + txid + " is " + status + ": nothing was collected that could be refunded.");
        }
        requireSameCurrency(process, amount);
        PaymentProvider provider = providerOf(process); // refused before anything is reserved
        long value = amount.minor();
        if (value > process.getRefundable()) {
            throw new PaymentRefused(
                    PaymentRefused.Code.AMOUNT_EXCEEDS_LIMIT,
                    "At most "
                            + money(process, Math.max(0, process.getRefundable())) + " can be refunded (collected "
                            + money(process, process.getCollected()) + ", refunded "
                            + money(process, process.getRefunded())
                            + ", reserved " + money(process, process.getReserved()) + ").");
        }
        Ledger ledger = Ledger.at(Instant.now(clock), BookingSource.API);
        ledger.reserve(process, value);
        ledger.refundRequested(process, value);
        SettingsSnapshot settings = merchants.requireCurrent().settings();
        if (needsApproval(settings, process)) {
            ApprovalRequest approval = approvals.save(new ApprovalRequest(
                    txid,
                    "REFUND",
                    value,
                    process.getCurrency(),
                    Instant.now(clock),
                    actor.type(),
                    actor.id(),
                    actor.name()));
            audit(
                    partition,
                    actor,
                    AuditEventType.REFUND_APPROVAL_REQUESTED,
                    debtorNumber(process),
                    process,
                    Map.of("amount", money(process, value).toString(), "approvalId", approval.getId()));
            return new RefundStart(
                    new RefundOutcome.PendingApproval(approval.getId(), money(process, value), txid), null, null);
        }
        return new RefundStart(null, request(process, value), provider);
    }

    private PaymentView finishRefund(
            long txid, long amount, ProviderAnswer answer, List<ProviderLogEntry> exchanges, Actor actor) {
        Partition partition = currentTenancy.requirePartition();
        PaymentProcess process = lock(txid);
        Ledger ledger = Ledger.at(Instant.now(clock), BookingSource.PROVIDER);
        providerLog.saveAll(exchanges);
        switch (answer.outcome()) {
            case APPROVED -> {
                ledger.release(process, amount);
                bookings.saveAll(ledger.refunded(process, amount, answer.providerTxn()));
                audit(
                        partition,
                        actor,
                        AuditEventType.PAYMENT_REFUNDED,
                        debtorNumber(process),
                        process,
                        Map.of("amount", money(process, amount).toString()));
            }
            case PENDING ->
                audit(
                        partition,
                        actor,
                        AuditEventType.PAYMENT_EVENT_RECORDED,
                        debtorNumber(process),
                        process,
                        Map.of("refundPending", money(process, amount).toString()));
            case DECLINED, ERROR -> {
                ledger.release(process, amount);
                ledger.refundWithdrawn(process, amount);
            }
        }
        return view(process, bookings.findByTxidOrderByIdAsc(txid));
    }

    private static boolean needsApproval(SettingsSnapshot settings, PaymentProcess process) {
        if (!settings.fourEyesEnabled()) {
            return false;
        }
        Money threshold = settings.fourEyesThreshold();
        if (!threshold.currency().getCurrencyCode().equals(process.getCurrency())) {
            return true; // no conversion: a refund in another currency always gets a second look
        }
        return process.getRefundsRequested() > threshold.minor();
    }

    // ----------------------------------------------------------------------------------------------- reading

    @Transactional(readOnly = true)
    public Optional<PaymentView> byTxid(long txid) {
        return processes.findById(txid).map(p -> view(p, bookings.findByTxidOrderByIdAsc(txid)));
    }

    /** A debtor's processes of the current partition, newest first, without their bookings (the detail view). */
    @Transactional(readOnly = true)
    public List<PaymentView> processesOf(long debtorId) {
        return processes.findByDebtorIdOrderByTxidDesc(debtorId).stream()
                .map(p -> view(p, List.of()))
                .toList();
    }

    /**
     * One page of a debtor's processes, newest first, without their bookings: the detail view's list pages lazily
     * instead of loading a debtor's hundreds of processes on every visit.
     */
    @Transactional(readOnly = true)
    public List<PaymentView> processesOf(long debtorId, int offset, int limit) {
        return entityManager
                .createQuery(
                        "select p from PaymentProcess p where p.debtorId = :debtor" + " order by p.txid desc",
                        PaymentProcess.class)
                .setParameter("debtor", debtorId)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(p -> view(p, List.of()))
                .toList();
    }

    /** How many processes a debtor has in the current partition. */
    @Transactional(readOnly = true)
    public int countProcessesOf(long debtorId) {
        return entityManager
                .createQuery("select count(p) from PaymentProcess p where p.debtorId = :debtor", Long.class)
                .setParameter("debtor", debtorId)
                .getSingleResult()
                .intValue();
    }

    /** One line of a debtor's customer account: a booking with the TXID it belongs to. */
    public record AccountLine(long txid, PaymentView.BookingView booking) {}

    /** The customer account of a debtor (TX-5): all bookings of all its processes, oldest first. */
    @Transactional(readOnly = true)
    public List<AccountLine> customerAccount(long debtorId) {
        Map<Long, PaymentProcess> byTxid = new java.util.HashMap<>();
        processes.findByDebtorIdOrderByTxidDesc(debtorId).forEach(p -> byTxid.put(p.getTxid(), p));
        if (byTxid.isEmpty()) {
            return List.of();
        }
        return bookings.findByTxidInOrderByBookedAtAscIdAsc(List.copyOf(byTxid.keySet())).stream()
                .map(b -> {
                    PaymentProcess p = byTxid.get(b.getTxid());
                    return new AccountLine(
                            b.getTxid(),
                            new PaymentView.BookingView(
                                    b.getId(),
                                    b.getBookedAt(),
                                    b.getType(),
                                    b.getReceivableType(),
                                    money(p, b.getDebit()),
                                    money(p, b.getCredit()),
                                    b.getProviderTxn()));
                })
                .toList();
    }

    /** Balances per currency (TX-5) and TXIDs, newest first, of a debtor of the current partition. */
    @Transactional(readOnly = true)
    public DebtorAccount accountOf(long debtorId) {
        List<PaymentProcess> all = processes.findByDebtorIdOrderByTxidDesc(debtorId);
        Map<String, Long> balances = new java.util.TreeMap<>();
        all.forEach(p -> balances.merge(p.getCurrency(), p.getBalance(), Long::sum));
        return new DebtorAccount(
                balances.entrySet().stream()
                        .map(e -> Money.of(e.getValue(), e.getKey()))
                        .toList(),
                all.stream().map(PaymentProcess::getTxid).toList());
    }

    @Transactional(readOnly = true)
    public List<ProviderExchange> providerLog(long txid) {
        return providerLog.findByTxidOrderByIdAsc(txid).stream()
                .map(e -> new ProviderExchange(
                        e.getLoggedAt(),
                        e.getDirection(),
                        e.getOperation(),
                        e.getOutcome(),
                        e.getAmount(),
                        e.getProviderRef(),
                        e.getDetail()))
                .toList();
    }

    // ----------------------------------------------------------------------------------------------- helpers

    /**
     * Who may move money: a person only as FINANCE or ADMIN (OPS), Kontor itself; without a person only trusted code
     * that set the partition explicitly (the shop's API after its key check, the notification job).
     */
    private void requireMayMoveMoney() {
        boolean allowed = currentUser
                .get()
                .map(u -> u.isSystem() || u.hasRole(Role.FINANCE) || u.hasRole(Role.ADMIN))
                .orElse(TenancyScope.isExplicit());
        if (!allowed) {
            throw new AccessDeniedException("Money operations need the role FINANCE or ADMIN");
        }
    }

    private ProviderAnswer call(
            PaymentProvider provider,
            String operation,
            ProviderRequest request,
            List<ProviderLogEntry> exchanges,
            Instant now) {
        exchanges.add(new ProviderLogEntry(
                request.txid(),
                now,
                "REQUEST",
                operation,
                null,
                request.amount(),
                request.providerReference(),
                "idempotency key " + request.idempotencyKey()));
        Function<ProviderRequest, ProviderAnswer> call = switch (operation) {
            case "preauthorise" -> provider::preauthorise;
            case "authorise" -> provider::authorise;
            case "capture" -> provider::capture;
            case "refund" -> provider::refund;
            case "debit" -> provider::debit;
            default -> throw new IllegalArgumentException(operation);
        };
        ProviderAnswer answer = gateway.call(provider, request, call);
        if (answer.followUp() != null) {
            events.publishEvent(answer.followUp()); // stored once this transaction commits (or at once outside one)
        }
        exchanges.add(new ProviderLogEntry(
                request.txid(),
                Instant.now(clock),
                "ANSWER",
                operation,
                answer.outcome().name(),
                request.amount(),
                answer.providerTxn() != null ? answer.providerTxn() : answer.providerReference(),
                answer.errorCode() == null ? null : answer.errorCode() + ": " + answer.errorMessage()));
        return answer;
    }

    private ProviderRequest request(PaymentProcess process, long amount) {
        return new ProviderRequest(
                UUID.randomUUID().toString(),
                process.getTxid(),
                process.getReference(),
                process.getPaymentMethod(),
                amount,
                process.getCurrency(),
                process.getProviderReference(),
                null,
                null,
                null);
    }

    private PaymentProvider providerOf(PaymentProcess process) {
        return providers
                .byName(currentTenancy.requirePartition(), process.getProvider())
                .orElseThrow(() -> new PaymentRefused(
                        PaymentRefused.Code.PROVIDER_NOT_CONFIGURED,
                        "No payment provider is configured for process " + process.getTxid() + " in this mode."));
    }

    private PaymentProcess lock(long txid) {
        return processes.lockByTxid(txid).orElseThrow(() -> notFound(txid));
    }

    private PaymentProcess find(long txid) {
        return processes.findById(txid).orElseThrow(() -> notFound(txid));
    }

    private static PaymentRefused notFound(long txid) {
        return new PaymentRefused(
                PaymentRefused.Code.NOT_FOUND, "No payment process " + txid + " for this key's merchant and mode.");
    }

    private static void requireSameCurrency(PaymentProcess process, Money amount) {
        if (!amount.currency().getCurrencyCode().equals(process.getCurrency())) {
            throw OperationRefused.onField("amount.currency", "payment.currencyMismatch", process.getCurrency());
        }
    }

    private Long debtorNumber(PaymentProcess process) {
        return process.getDebtorId() == null
                ? null
                : debtors.debtorNumber(process.getDebtorId()).orElse(null);
    }

    private void audit(
            Partition partition,
            Actor actor,
            AuditEventType type,
            Long debtorNumber,
            PaymentProcess process,
            Map<String, Object> details) {
        auditLog.record(new AuditEntry(
                partition.merchantId(),
                partition.mode().name(),
                actor,
                type,
                debtorNumber,
                process.getTxid(),
                null,
                details));
    }

    private static Money money(PaymentProcess process, long minor) {
        return new Money(minor, Currency.getInstance(process.getCurrency()));
    }

    private static PaymentView view(PaymentProcess p, List<Booking> booked) {
        PaymentView.Amounts amounts = new PaymentView.Amounts(
                money(p, p.getReceivable()),
                money(p, p.getPreauthorized()),
                money(p, p.getPaid()),
                money(p, p.getRefunded()),
                money(p, p.getBalance()),
                money(p, p.getReserved()));
        List<PaymentView.BookingView> lines = booked.stream()
                .map(b -> new PaymentView.BookingView(
                        b.getId(),
                        b.getBookedAt(),
                        b.getType(),
                        b.getReceivableType(),
                        money(p, b.getDebit()),
                        money(p, b.getCredit()),
                        b.getProviderTxn()))
                .toList();
        return new PaymentView(
                p.getTxid(),
                p.getPortalId(),
                p.getDebtorId(),
                p.getCustomerId(),
                p.getProcessType(),
                p.getPaymentMethod(),
                p.getReference(),
                p.getProvider(),
                p.getProviderReference(),
                money(p, p.getAmount()),
                p.getStatus(),
                p.getDunningStatus(),
                p.getCreatedAt(),
                p.getDueDate(),
                p.getInvoiceNumber(),
                p.getErrorCode(),
                p.getErrorMessage(),
                amounts,
                lines);
    }
}
