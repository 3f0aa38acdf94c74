package com.kontor.operation;

import com.kontor.audit.Actor;
import com.kontor.audit.AuditEventType;
import com.kontor.db.RetryingTransactions;
import com.kontor.debtor.DebtorDetails;
import com.kontor.debtor.DebtorService;
import com.kontor.ledger.BookingSource;
import com.kontor.ledger.Ledger;
import com.kontor.ledger.LockedProcess;
import com.kontor.ledger.NewProcess;
import com.kontor.ledger.Opening;
import com.kontor.ledger.PaymentMethod;
import com.kontor.ledger.ProcessDetails;
import com.kontor.ledger.ProcessType;
import com.kontor.operation.internal.MoneyPermission;
import com.kontor.operation.internal.NewPaymentValidation;
import com.kontor.operation.internal.OperationAudit;
import com.kontor.operation.internal.PaymentMeans;
import com.kontor.operation.internal.ProviderCallIntents;
import com.kontor.psp.PaymentProvider;
import com.kontor.psp.ProviderAnswer;
import com.kontor.psp.ProviderCall;
import com.kontor.psp.ProviderDirectory;
import com.kontor.psp.ProviderGateway;
import com.kontor.psp.ProviderLog;
import com.kontor.psp.ProviderOperation;
import com.kontor.psp.ProviderRequest;
import com.kontor.tenancy.CurrentTenancy;
import com.kontor.tenancy.MerchantDirectory;
import com.kontor.tenancy.OperationRefused;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.SettingsSnapshot;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Service;

/**
 * A shop's new payment process (TX-2, BL-3, API-2), in one transaction: the debtor created or updated from the
 * request's data, the payment data stored, the provider asked and its answer booked through the ledger. A payment
 * whose email, IBAN or card is blacklisted is recorded as an ERROR process and refused ({@code BLACKLISTED}); nothing
 * else is written. A decline by the provider is no refusal: the process is answered in status ERROR with its reason.
 *
 * <p>The provider answers inside the payment's transaction, which may still roll back (or be tried again) after it
 * answered: then the provider would hold an authorisation Kontor never booked, and a retry would ask again as a new
 * payment (PLAT-6). So a payment that asks a provider draws its TXID first, in a short transaction of its own that
 * also records the call ({@link ProviderCallIntents}) with an idempotency key derived from the TXID ({@code
 * <txid>-authorise}); the payment's transaction and its retries use that TXID and key, so the provider executes the
 * call once, and the booking settles the record. A record whose payment never landed is voided at the provider by
 * {@code ProviderCallRecovery}.
 */
@Service
public class PaymentCreation {

    private final Ledger ledger;
    private final DebtorService debtors;
    private final PaymentMeans means;
    private final NewPaymentValidation validation;
    private final MerchantDirectory merchants;
    private final CurrentTenancy currentTenancy;
    private final ProviderDirectory providers;
    private final ProviderGateway gateway;
    private final ProviderLog providerLog;
    private final MoneyPermission permission;
    private final OperationAudit audit;
    private final ProviderCallIntents intents;
    private final RetryingTransactions transactions;
    private final Clock clock;

    public PaymentCreation(
            Ledger ledger,
            DebtorService debtors,
            PaymentMeans means,
            NewPaymentValidation validation,
            MerchantDirectory merchants,
            CurrentTenancy currentTenancy,
            ProviderDirectory providers,
            ProviderGateway gateway,
            ProviderLog providerLog,
            MoneyPermission permission,
            OperationAudit audit,
            ProviderCallIntents intents,
            RetryingTransactions transactions,
            Clock clock) {
        this.ledger = ledger;
        this.debtors = debtors;
        this.means = means;
        this.validation = validation;
        this.merchants = merchants;
        this.currentTenancy = currentTenancy;
        this.providers = providers;
        this.gateway = gateway;
        this.providerLog = providerLog;
        this.permission = permission;
        this.audit = audit;
        this.intents = intents;
        this.transactions = transactions;
        this.clock = clock;
    }

    private record Created(ProcessDetails process, PaymentRefused refusal) {}

    /** The TXID and the recorded provider call of a payment that asks a provider, fixed before its transaction. */
    private record Intended(long txid, String idempotencyKey, AtomicBoolean asked) {}

    /** Creates the process for the portal of the current partition; see the class comment for refusals. */
    public ProcessDetails create(long portalId, NewPayment request, Actor actor) {
        permission.require();
        // a parallel request for the same new customer, or one changing the same debtor's master data, makes this
        // transaction meet another on the same rows: it is tried again, and then finds the debtor as it now is.
        // Such conflicts surface while the debtor's rows are written and flushed, before the provider is asked.
        Intended intended = intend(portalId, request);
        Created created;
        try {
            created =
                    transactions.writeReadCommitted(status -> createInTransaction(portalId, request, actor, intended));
        } catch (RuntimeException e) {
            if (intended != null && !intended.asked().get()) {
                release(intended, e);
            }
            throw e;
        }
        if (created.refusal() != null) {
            throw created.refusal();
        }
        return created.process();
    }

    /**
     * For a payment that asks a provider: its TXID and its call recorded, committed before the payment's transaction
     * starts, so the record outlives that transaction's rollback. Null when no provider is asked (or none is
     * configured, which the payment's transaction refuses).
     */
    private Intended intend(long portalId, NewPayment request) {
        validation.validate(request);
        PaymentMethod method = request.paymentMethod();
        if (method.isOpenItem()) {
            return null;
        }
        Partition partition = currentTenancy.requirePartition();
        Optional<PaymentProvider> provider = providers.providerFor(partition, portalId, method);
        if (provider.isEmpty()) {
            return null;
        }
        ProviderOperation operation = operation(method, request.type());
        return transactions.write(status -> {
            long txid = ledger.nextTxid();
            String key = txid + "-" + operation.logName();
            intents.open(new ProviderCallIntents.Intent(
                    key,
                    partition.key(),
                    txid,
                    operation,
                    request.amount().minor(),
                    request.amount().currency().getCurrencyCode(),
                    null,
                    null,
                    provider.get().name(),
                    ProviderCallIntents.State.OPEN,
                    null,
                    null));
            return new Intended(txid, key, new AtomicBoolean());
        });
    }

    /**
     * A payment refused before its provider was asked (a field the debtor needs, a master data conflict): its record
     * is closed at once, so the recovery has nothing to cancel. If that fails too, the recovery cancels a call the
     * provider never saw, which is harmless.
     */
    private void release(Intended intended, RuntimeException refusal) {
        try {
            transactions.write(
                    status -> intents.settle(intended.idempotencyKey(), ProviderCallIntents.State.RELEASED, null));
        } catch (RuntimeException e) {
            refusal.addSuppressed(e);
        }
    }

    private static ProviderOperation operation(PaymentMethod method, ProcessType type) {
        return method == PaymentMethod.DIRECT_DEBIT
                ? ProviderOperation.DEBIT
                : type == ProcessType.PREAUTHORIZATION ? ProviderOperation.PREAUTHORISE : ProviderOperation.AUTHORISE;
    }

    private Created createInTransaction(long portalId, NewPayment request, Actor actor, Intended intended) {
        Partition partition = currentTenancy.requirePartition();
        SettingsSnapshot settings = merchants.requireCurrent().settings();
        validation.validate(request);
        // the shop's master data are applied to the debtor as it is at this moment: its row locked, not a snapshot
        Optional<DebtorDetails> existing = request.debtor() != null
                ? debtors.lockedByCustomerId(request.customerId())
                : debtors.byCustomerId(request.customerId());
        if (existing.isEmpty() && request.debtor() == null) {
            throw OperationRefused.onField("debtor", "payment.debtorRequired");
        }
        PaymentMethod method = request.paymentMethod();
        PaymentMeans.Chosen chosen = means.choose(request, existing);
        Optional<PaymentProvider> provider = providers.providerFor(partition, portalId, method);
        if (provider.isEmpty() && method.needsProvider()) {
            throw new PaymentRefused(
                    PaymentRefused.Code.PROVIDER_NOT_CONFIGURED,
                    "This portal has no payment provider for " + method + " in " + partition.mode() + " mode.");
        }
        Instant now = Instant.now(clock);
        // drawn before anything is written: the native query would flush the session, splitting its batches
        // a payment that asks a provider drew its TXID before (the same in every try of this transaction)
        long txid = intended != null ? intended.txid() : ledger.nextTxid();
        LocalDate dueDate = dueDate(request, settings, now);
        String blockedBy = means.blockedBy(request, existing, chosen);
        if (blockedBy != null) {
            if (intended != null) {
                intents.settle(intended.idempotencyKey(), ProviderCallIntents.State.RELEASED, null);
            }
            return refused(portalId, request, existing, txid, dueDate, blockedBy, now, actor);
        }

        DebtorDetails debtor = request.debtor() == null
                ? existing.orElseThrow()
                : existing.isPresent()
                        ? debtors.update(existing.get().id(), existing.get().version(), request.debtor(), actor)
                        : debtors.createUnknown(request.customerId(), request.debtor(), actor);
        PaymentMeans.Used used = means.use(debtor.id(), existing.isEmpty(), chosen, actor);
        String providerName = provider.map(PaymentProvider::name).orElse(null);
        String providerReference = provider.map(p -> p.referenceFor(txid)).orElse(null);
        ProviderCall call = null;
        Opening opening = new Opening.Opened(null);
        if (!method.isOpenItem()) {
            intended.asked().set(true);
            call = gateway.call(
                    provider.orElseThrow(),
                    operation(method, request.type()),
                    new ProviderRequest(
                            intended.idempotencyKey(),
                            txid,
                            request.reference(),
                            method,
                            request.amount().minor(),
                            request.amount().currency().getCurrencyCode(),
                            providerReference,
                            used.cardToken(),
                            used.iban(),
                            used.mandateReference()));
            if (call.answer().providerReference() != null) {
                providerReference = call.answer().providerReference();
            }
            opening = opening(method, request.type(), call.answer());
        }
        LockedProcess process = ledger.open(
                new NewProcess(
                        txid,
                        portalId,
                        debtor.id(),
                        request.customerId(),
                        request.reference(),
                        request.type(),
                        method,
                        request.amount(),
                        now,
                        dueDate,
                        used.bankAccountId(),
                        used.mandateId(),
                        used.cardId(),
                        providerName,
                        providerReference,
                        null),
                opening,
                BookingSource.API);
        if (call != null) {
            providerLog.record(txid, call);
            if (intents.settle(intended.idempotencyKey(), ProviderCallIntents.State.BOOKED, call)
                    == ProviderCallIntents.Settled.BEFORE) {
                // the recovery found this payment's call abandoned and voided it at the provider meanwhile
                throw new IllegalStateException("The provider call of payment " + txid + " was voided meanwhile");
            }
        }
        audit.recordWithNumber(
                actor,
                AuditEventType.PAYMENT_CREATED,
                debtor.debtorNumber(),
                txid,
                Map.of(
                        "paymentMethod", method.name(),
                        "amount", request.amount().toString(),
                        "status", process.status().name()));
        return new Created(process.details(), null);
    }

    /** TX-9's first rows, from the provider's answer. */
    private static Opening opening(PaymentMethod method, ProcessType type, ProviderAnswer answer) {
        return switch (answer.outcome()) {
            case APPROVED, PENDING -> {
                if (method == PaymentMethod.DIRECT_DEBIT) {
                    yield new Opening.Opened(answer.providerTxn());
                }
                if (answer.outcome() == ProviderAnswer.Outcome.PENDING) {
                    yield new Opening.Pending();
                }
                yield type == ProcessType.PREAUTHORIZATION
                        ? new Opening.Preauthorised()
                        : new Opening.Authorised(answer.providerTxn());
            }
            case DECLINED, ERROR -> new Opening.Failed(answer.errorCode(), answer.errorMessage());
        };
    }

    /** A blacklisted payment: recorded as an ERROR process so support can see it, nothing else written. */
    private Created refused(
            long portalId,
            NewPayment request,
            Optional<DebtorDetails> existing,
            long txid,
            LocalDate dueDate,
            String blockedBy,
            Instant now,
            Actor actor) {
        String reason = "The " + blockedBy + " of this payment is on the merchant's blacklist.";
        ledger.open(
                new NewProcess(
                        txid,
                        portalId,
                        existing.map(DebtorDetails::id).orElse(null),
                        request.customerId(),
                        request.reference(),
                        request.type(),
                        request.paymentMethod(),
                        request.amount(),
                        now,
                        dueDate,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                new Opening.Failed("BLACKLISTED", reason),
                BookingSource.API);
        audit.recordWithNumber(
                actor,
                AuditEventType.PAYMENT_REFUSED,
                existing.map(DebtorDetails::debtorNumber).orElse(null),
                txid,
                Map.of("reason", "BLACKLISTED", "value", blockedBy));
        return new Created(null, new PaymentRefused(PaymentRefused.Code.BLACKLISTED, reason, txid));
    }

    /** The merchant's payment term for an invoice or prepayment without a due date of its own. */
    private static LocalDate dueDate(NewPayment request, SettingsSnapshot settings, Instant now) {
        if (request.dueDate() == null
                && (request.paymentMethod() == PaymentMethod.INVOICE
                        || request.paymentMethod() == PaymentMethod.PREPAYMENT)) {
            return LocalDate.ofInstant(now, settings.timeZone()).plusDays(settings.paymentTermDays());
        }
        return request.dueDate();
    }
}
