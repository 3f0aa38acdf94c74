package com.kontor.api;

import com.kontor.debtor.BankAccountData;
import com.kontor.debtor.CardData;
import com.kontor.ledger.LedgerQueries;
import com.kontor.ledger.PaymentMethod;
import com.kontor.ledger.ProcessDetails;
import com.kontor.ledger.ProcessType;
import com.kontor.operation.CaptureService;
import com.kontor.operation.NewPayment;
import com.kontor.operation.PaymentCreation;
import com.kontor.operation.PaymentRefused;
import com.kontor.operation.RefundOutcome;
import com.kontor.operation.RefundService;
import com.kontor.operation.Shippable;
import com.kontor.tenancy.OperationRefused;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Payment processes through the shop's API (API-2): create, read, capture, ship, ask whether shippable, refund. */
@RestController
@RequestMapping("/api/v1/payments")
class PaymentApiController {

    /** {@code POST /api/v1/payments} as API.md describes it. */
    record PaymentRequest(
            String type,
            String customerId,
            DebtorApiController.DebtorRequest debtor,
            String reference,
            MoneyJson amount,
            PaymentMethod paymentMethod,
            BankAccountJson bankAccount,
            CardJson card,
            LocalDate dueDate) {

        NewPayment toNewPayment() {
            if (amount == null) {
                throw OperationRefused.onField("amount", "payment.amountPositive");
            }
            return new NewPayment(
                    type(type),
                    customerId,
                    debtor == null ? null : debtor.toMasterData(),
                    reference,
                    amount.toMoney("amount"),
                    paymentMethod,
                    bankAccount == null
                            ? null
                            : new BankAccountData(bankAccount.holder(), bankAccount.iban(), bankAccount.bic()),
                    card == null
                            ? null
                            : new CardData(
                                    card.token(),
                                    card.brand(),
                                    card.last4(),
                                    card.expiryMonth(),
                                    card.expiryYear(),
                                    card.holder()),
                    dueDate);
        }

        private static ProcessType type(String type) {
            if ("preauthorization".equals(type)) {
                return ProcessType.PREAUTHORIZATION;
            }
            if ("authorization".equals(type)) {
                return ProcessType.AUTHORIZATION;
            }
            throw OperationRefused.onField("type", "payment.typeRequired");
        }
    }

    record BankAccountJson(String holder, String iban, String bic) {}

    record CardJson(String token, String brand, String last4, Integer expiryMonth, Integer expiryYear, String holder) {}

    record AmountRequest(MoneyJson amount) {

        com.kontor.money.Money money() {
            if (amount == null) {
                throw OperationRefused.onField("amount", "payment.amountPositive");
            }
            return amount.toMoney("amount");
        }
    }

    record ShipmentRequest() {}

    /** The amounts of TX-9, each a Money. */
    record AmountsJson(
            MoneyJson receivable, MoneyJson preauthorized, MoneyJson paid, MoneyJson refunded, MoneyJson balance) {}

    record BookingJson(
            Instant bookedAt,
            String type,
            String receivableType,
            MoneyJson debit,
            MoneyJson credit,
            String providerTransaction) {}

    /** A process as the API shows it. */
    record PaymentResource(
            long txid,
            String type,
            String customerId,
            String status,
            String dunningStatus,
            String paymentMethod,
            String reference,
            String providerReference,
            MoneyJson amount,
            AmountsJson amounts,
            Instant createdAt,
            LocalDate dueDate,
            String invoiceNumber,
            String errorCode,
            String errorMessage,
            List<BookingJson> bookings) {

        static PaymentResource of(ProcessDetails p) {
            ProcessDetails.Amounts a = p.amounts();
            return new PaymentResource(
                    p.txid(),
                    p.type().name().toLowerCase(java.util.Locale.ROOT),
                    p.customerId(),
                    p.status().name(),
                    p.dunningStatus().name(),
                    p.paymentMethod().name(),
                    p.reference(),
                    p.providerReference(),
                    MoneyJson.of(p.amount()),
                    new AmountsJson(
                            MoneyJson.of(a.receivable()),
                            MoneyJson.of(a.preauthorized()),
                            MoneyJson.of(a.paid()),
                            MoneyJson.of(a.refunded()),
                            MoneyJson.of(a.balance())),
                    p.createdAt(),
                    p.dueDate(),
                    p.invoiceNumber(),
                    p.errorCode(),
                    p.errorMessage(),
                    p.bookings().stream()
                            .map(b -> new BookingJson(
                                    b.bookedAt(),
                                    b.type().name(),
                                    b.receivableType().name(),
                                    MoneyJson.of(b.debit()),
                                    MoneyJson.of(b.credit()),
                                    b.providerTxn()))
                            .toList());
        }
    }

    private final PaymentCreation creation;
    private final CaptureService captures;
    private final RefundService refunds;
    private final LedgerQueries ledger;

    PaymentApiController(
            PaymentCreation creation, CaptureService captures, RefundService refunds, LedgerQueries ledger) {
        this.creation = creation;
        this.captures = captures;
        this.refunds = refunds;
        this.ledger = ledger;
    }

    @PostMapping
    @Operation(
            summary = "A new payment process (preauthorization or authorization); 201 with the process, also when "
                    + "the provider declines it (status ERROR)")
    @Refuses({ApiRefusal.BLACKLISTED, ApiRefusal.PROVIDER_NOT_CONFIGURED})
    @ApiResponse(
            responseCode = "201",
            description = "the new process (status ERROR when the provider declined it)",
            useReturnTypeSchema = true)
    ResponseEntity<PaymentResource> create(
            @RequestBody PaymentRequest body, @AuthenticationPrincipal ApiKeyPrincipal key) {
        ProcessDetails created = creation.create(key.portalId(), body.toNewPayment(), key.asActor());
        return ResponseEntity.status(HttpStatus.CREATED).body(PaymentResource.of(created));
    }

    @GetMapping("/{txid}")
    @Operation(summary = "The process: status, amounts, bookings")
    ResponseEntity<PaymentResource> get(@PathVariable long txid) {
        return ledger.byTxid(txid)
                .map(p -> ResponseEntity.ok(PaymentResource.of(p)))
                .orElseThrow(() -> new PaymentRefused(
                        PaymentRefused.Code.NOT_FOUND,
                        "No payment process " + txid + " for this key's merchant and mode."));
    }

    @PostMapping("/{txid}/captures")
    @Operation(summary = "Capture an amount of a pre-authorisation (at most what is left)")
    @ApiResponse(responseCode = "201", description = "the process after the capture", useReturnTypeSchema = true)
    @Refuses({ApiRefusal.INVALID_STATE, ApiRefusal.AMOUNT_EXCEEDS_LIMIT})
    ResponseEntity<PaymentResource> capture(
            @PathVariable long txid, @RequestBody AmountRequest body, @AuthenticationPrincipal ApiKeyPrincipal key) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(PaymentResource.of(captures.capture(txid, body.money(), key.asActor())));
    }

    @PostMapping("/{txid}/shipments")
    @Operation(summary = "The order shipped: capture what is still pre-authorised")
    @Refuses(ApiRefusal.INVALID_STATE)
    @ApiResponse(
            responseCode = "201",
            description = "the process after the capture of what was pre-authorised",
            useReturnTypeSchema = true)
    ResponseEntity<PaymentResource> ship(
            @PathVariable long txid,
            @RequestBody(required = false) ShipmentRequest body,
            @AuthenticationPrincipal ApiKeyPrincipal key) {
        return ResponseEntity.status(HttpStatus.CREATED).body(PaymentResource.of(captures.ship(txid, key.asActor())));
    }

    @GetMapping("/{txid}/shippable")
    @Operation(summary = "May the order ship (payment committed)?")
    Shippable shippable(@PathVariable long txid) {
        return captures.shippable(txid);
    }

    @PostMapping("/{txid}/refunds")
    @Operation(
            summary = "Refund an amount to the original means of payment; 202 PENDING_APPROVAL above the "
                    + "merchant's four-eyes threshold")
    @Refuses({ApiRefusal.INVALID_STATE, ApiRefusal.AMOUNT_EXCEEDS_LIMIT})
    @ApiResponse(
            responseCode = "201",
            description = "the process after the refund",
            content = @Content(schema = @Schema(implementation = PaymentResource.class)))
    @ApiResponse(
            responseCode = "202",
            description =
                    "above the four-eyes threshold: {\"status\": \"PENDING_APPROVAL\", \"approvalId\", \"amount\"};"
                            + " nothing is booked until a person approves")
    ResponseEntity<?> refund(
            @PathVariable long txid,
            @RequestBody AmountRequest body,
            @AuthenticationPrincipal ApiKeyPrincipal key,
            // described once for every write operation (OpenApiConfiguration)
            @Parameter(hidden = true) @RequestHeader(name = IdempotencyFilter.HEADER, required = false)
                    String idempotencyKey) {
        // the shop's retry of a refund whose booking failed (a 5xx the API does not keep) finds the payout it started
        String operationKey =
                idempotencyKey == null || idempotencyKey.isBlank() ? null : key.keyId() + ":" + idempotencyKey.strip();
        return switch (refunds.refund(txid, body.money(), operationKey, key.asActor())) {
            case RefundOutcome.Done done ->
                ResponseEntity.status(HttpStatus.CREATED).body(PaymentResource.of(done.process()));
            case RefundOutcome.PendingApproval pending ->
                ResponseEntity.status(HttpStatus.ACCEPTED)
                        .body(Map.of(
                                "status",
                                "PENDING_APPROVAL",
                                "approvalId",
                                pending.approvalId(),
                                "amount",
                                MoneyJson.of(pending.amount()),
                                "txid",
                                pending.txid()));
        };
    }
}
