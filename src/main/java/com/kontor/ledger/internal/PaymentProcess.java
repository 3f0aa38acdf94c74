package com.kontor.ledger.internal;

import com.kontor.ledger.DunningStatus;
import com.kontor.ledger.NewProcess;
import com.kontor.ledger.PaymentMethod;
import com.kontor.ledger.ProcessStatus;
import com.kontor.ledger.ProcessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.TenantId;

/**
 * A payment process (TX-2) with the summary of its bookings. Status and amounts change only through {@link Ledger},
 * in the transaction that appends the bookings, so the summary always equals the sum of the bookings.
 */
@Entity
@Table(name = "payment_process")
public class PaymentProcess {

    @Id
    private long txid;

    @TenantId
    @Column(name = "partition_key", nullable = false, updatable = false)
    private String partition;

    @Column(name = "portal_id", nullable = false, updatable = false)
    private long portalId;

    @Column(name = "debtor_id", updatable = false)
    private Long debtorId;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private String customerId;

    @Column(nullable = false, updatable = false)
    private String reference;

    @Enumerated(EnumType.STRING)
    @Column(name = "process_type", nullable = false, updatable = false)
    private ProcessType processType;

    @Enumerated(EnumType.STRING)
    @Column(name = "payment_method", nullable = false, updatable = false)
    private PaymentMethod paymentMethod;

    @Column(nullable = false, updatable = false)
    private String currency;

    @Column(nullable = false, updatable = false)
    private long amount;

    @Enumerated(EnumType.STRING)
    private ProcessStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "dunning_status")
    private DunningStatus dunningStatus = DunningStatus.NONE;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "due_date")
    private LocalDate dueDate;

    /**
     * Recording the invoice's number (after the payment's commit) changes no money: it leaves the version alone, so a
     * money dialog opened meanwhile is not refused as stale.
     */
    @Column(name = "invoice_number")
    @org.hibernate.annotations.OptimisticLock(excluded = true)
    private String invoiceNumber;

    private String provider;

    @Column(name = "provider_reference")
    private String providerReference;

    @Column(name = "error_code")
    private String errorCode;

    @Column(name = "error_message")
    private String errorMessage;

    @Column(name = "bank_account_id")
    private Long bankAccountId;

    @Column(name = "card_id")
    private Long cardId;

    @Column(name = "mandate_id")
    private Long mandateId;

    private long receivable;
    private long paid;
    private long collected;
    private long refunded;
    private long preauthorized;
    private long reserved;

    @Column(name = "refunds_requested")
    private long refundsRequested;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_before_chargeback")
    private ProcessStatus statusBeforeChargeback;

    @Column(name = "reminder_level")
    private int reminderLevel;

    @Column(name = "payone_sequence")
    private int payoneSequence = -1;

    @Version
    private long version;

    protected PaymentProcess() {}

    public PaymentProcess(NewProcess spec) {
        this.txid = spec.txid();
        this.portalId = spec.portalId();
        this.debtorId = spec.debtorId();
        this.customerId = spec.customerId();
        this.reference = spec.reference();
        this.processType = spec.type();
        this.paymentMethod = spec.method();
        this.currency = spec.amount().currency().getCurrencyCode();
        this.amount = spec.amount().minor();
        this.createdAt = spec.createdAt();
        this.dueDate = spec.dueDate();
        this.invoiceNumber = spec.invoiceNumber();
        this.provider = spec.provider();
        this.providerReference = spec.providerReference();
        this.bankAccountId = spec.bankAccountId();
        this.mandateId = spec.mandateId();
        this.cardId = spec.cardId();
        this.status = ProcessStatus.IN_PROCESSING;
    }

    public long getTxid() {
        return txid;
    }

    public String getPartition() {
        return partition;
    }

    public long getPortalId() {
        return portalId;
    }

    public Long getDebtorId() {
        return debtorId;
    }

    public String getCustomerId() {
        return customerId;
    }

    public String getReference() {
        return reference;
    }

    public ProcessType getProcessType() {
        return processType;
    }

    public PaymentMethod getPaymentMethod() {
        return paymentMethod;
    }

    public String getCurrency() {
        return currency;
    }

    public long getAmount() {
        return amount;
    }

    public ProcessStatus getStatus() {
        return status;
    }

    void setStatus(ProcessStatus status) {
        this.status = status;
    }

    public DunningStatus getDunningStatus() {
        return dunningStatus;
    }

    public void setDunningStatus(DunningStatus dunningStatus) {
        this.dunningStatus = dunningStatus;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public String getInvoiceNumber() {
        return invoiceNumber;
    }

    public String getProvider() {
        return provider;
    }

    public String getProviderReference() {
        return providerReference;
    }

    public String getErrorCode() {
        return errorCode;
    }

    public String getErrorMessage() {
        return errorMessage;
    }

    void setError(String errorCode, String errorMessage) {
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
    }

    public Long getBankAccountId() {
        return bankAccountId;
    }

    public Long getCardId() {
        return cardId;
    }

    public Long getMandateId() {
        return mandateId;
    }

    /** Rises with every change of the process (optimistic locking): a dialog knows whether it is stale. */
    public long getVersion() {
        return version;
    }

    /** Σ debit. */
    public long getReceivable() {
        return receivable;
    }

    /** Σ credit. */
    public long getPaid() {
        return paid;
    }

    /** Money taken in: payments minus chargebacks (refund payouts excluded); what refunds are limited by. */
    public long getCollected() {
        return collected;
    }

    /** Σ refund payouts. */
    public long getRefunded() {
        return refunded;
    }

    public long getPreauthorized() {
        return preauthorized;
    }

    /** Pending (four-eyes) and in-flight refunds. */
    public long getReserved() {
        return reserved;
    }

    /** Executed plus pending refunds: what the four-eyes threshold is compared with. */
    public long getRefundsRequested() {
        return refundsRequested;
    }

    /** receivable − paid. */
    public long getBalance() {
        return Math.subtractExact(receivable, paid);
    }

    /** What may still leave as refunds: collected − refunded − reserved (TX-9). */
    public long getRefundable() {
        return collected - refunded - reserved;
    }

    void addSums(long debit, long credit) {
        this.receivable = Math.addExact(receivable, debit);
        this.paid = Math.addExact(paid, credit);
    }

    void addCollected(long delta) {
        this.collected = Math.addExact(collected, delta);
    }

    void addRefunded(long delta) {
        this.refunded = Math.addExact(refunded, delta);
    }

    void addPreauthorized(long delta) {
        this.preauthorized = Math.addExact(preauthorized, delta);
    }

    void addReserved(long delta) {
        this.reserved = Math.addExact(reserved, delta);
    }

    void addRefundsRequested(long delta) {
        this.refundsRequested = Math.addExact(refundsRequested, delta);
    }

    public ProcessStatus getStatusBeforeChargeback() {
        return statusBeforeChargeback;
    }

    void setStatusBeforeChargeback(ProcessStatus status) {
        this.statusBeforeChargeback = status;
    }

    /** The ledger's state, to restore when an event is refused half-way: a refused event changes nothing. */
    record Summary(
            ProcessStatus status,
            long receivable,
            long paid,
            long collected,
            long refunded,
            long preauthorized,
            long reserved,
            long refundsRequested,
            ProcessStatus statusBeforeChargeback,
            String errorCode,
            String errorMessage) {}

    Summary summary() {
        return new Summary(
                status,
                receivable,
                paid,
                collected,
                refunded,
                preauthorized,
                reserved,
                refundsRequested,
                statusBeforeChargeback,
                errorCode,
                errorMessage);
    }

    void restore(Summary s) {
        status = s.status();
        receivable = s.receivable();
        paid = s.paid();
        collected = s.collected();
        refunded = s.refunded();
        preauthorized = s.preauthorized();
        reserved = s.reserved();
        refundsRequested = s.refundsRequested();
        statusBeforeChargeback = s.statusBeforeChargeback();
        errorCode = s.errorCode();
        errorMessage = s.errorMessage();
    }

    public int getReminderLevel() {
        return reminderLevel;
    }

    public void setInvoiceNumber(String invoiceNumber) {
        this.invoiceNumber = invoiceNumber;
    }

    public void setReminderLevel(int reminderLevel) {
        this.reminderLevel = reminderLevel;
    }

    /** The last PAYONE sequencenumber applied, -1 before the first. */
    public int getPayoneSequence() {
        return payoneSequence;
    }

    public void setPayoneSequence(int payoneSequence) {
        this.payoneSequence = payoneSequence;
    }
}
