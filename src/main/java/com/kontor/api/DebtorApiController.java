package com.kontor.api;

import com.kontor.db.RetryingTransactions;
import com.kontor.debtor.DebtorDetails;
import com.kontor.debtor.DebtorService;
import com.kontor.debtor.MasterData;
import com.kontor.ledger.DebtorBalances;
import com.kontor.ledger.LedgerQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code PUT} and {@code GET /api/v1/debtors/{customerId}} (API-2, DEB-5), in the key's merchant and mode. */
@RestController
@RequestMapping("/api/v1/debtors")
class DebtorApiController {

    /** A debtor as the shop sends it; an absent optional field becomes empty (API.md). */
    record DebtorRequest(
            String salutation,
            String title,
            String firstName,
            String lastName,
            String company,
            String street,
            String addressLine2,
            String postcode,
            String city,
            String country,
            String email,
            String phone,
            LocalDate birthday,
            String language,
            String vatId) {

        MasterData toMasterData() {
            return new MasterData(
                    salutation,
                    title,
                    firstName,
                    lastName,
                    company,
                    street,
                    addressLine2,
                    postcode,
                    city,
                    country,
                    email,
                    phone,
                    birthday,
                    language,
                    vatId);
        }
    }

    /** A debtor as the API shows it. */
    record DebtorResource(
            String customerId,
            long userId,
            String salutation,
            String title,
            String firstName,
            String lastName,
            String company,
            String street,
            String addressLine2,
            String postcode,
            String city,
            String country,
            String email,
            String phone,
            LocalDate birthday,
            String language,
            String vatId,
            List<MoneyJson> balances,
            List<Long> txids) {

        static DebtorResource of(DebtorDetails d, DebtorBalances account) {
            MasterData m = d.masterData();
            return new DebtorResource(
                    d.customerId(),
                    d.debtorNumber(),
                    m.salutation(),
                    m.title(),
                    m.firstName(),
                    m.lastName(),
                    m.company(),
                    m.street(),
                    m.addressLine2(),
                    m.postcode(),
                    m.city(),
                    m.country(),
                    m.email(),
                    m.phone(),
                    m.birthday(),
                    m.language(),
                    m.vatId(),
                    account.balances().stream().map(MoneyJson::of).toList(),
                    account.txids());
        }
    }

    private final DebtorService debtors;
    private final LedgerQueries ledger;
    private final RetryingTransactions transactions;

    DebtorApiController(DebtorService debtors, LedgerQueries ledger, RetryingTransactions transactions) {
        this.debtors = debtors;
        this.ledger = ledger;
        this.transactions = transactions;
    }

    @PutMapping("/{customerId}")
    @Operation(summary = "Create or update the debtor with the merchant's customer number")
    @ApiResponse(responseCode = "201", description = "the debtor was created", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "the debtor was updated", useReturnTypeSchema = true)
    ResponseEntity<DebtorResource> put(
            @PathVariable String customerId,
            @RequestBody DebtorRequest body,
            @AuthenticationPrincipal ApiKeyPrincipal key) {
        // two PUTs creating the same new customer at once: the second is tried again and updates what the first made
        DebtorService.PutResult result =
                transactions.write(status -> debtors.put(customerId, body.toMasterData(), key.asActor()));
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(DebtorResource.of(
                        result.debtor(), ledger.balancesOf(result.debtor().id())));
    }

    @GetMapping("/{customerId}")
    @Operation(summary = "The debtor, its balances and its processes' TXIDs")
    ResponseEntity<?> get(@PathVariable String customerId) {
        return debtors.byCustomerId(customerId)
                .<ResponseEntity<?>>map(d -> ResponseEntity.ok(DebtorResource.of(d, ledger.balancesOf(d.id()))))
                .orElseGet(() -> notFound(customerId));
    }

    private static ResponseEntity<ProblemDetail> notFound(String customerId) {
        return ApiProblem.of(
                HttpStatus.NOT_FOUND,
                "NOT_FOUND",
                "Not found",
                "No debtor with customer number " + customerId + " for this key's merchant and mode.",
                null);
    }
}
