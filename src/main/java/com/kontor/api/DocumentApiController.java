package com.kontor.api;

import com.kontor.document.DocumentPdf;
import com.kontor.document.DocumentQueries;
import com.kontor.document.IssuedDocument;
import com.kontor.ledger.LedgerQueries;
import com.kontor.operation.PaymentRefused;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A process's issued documents and a document's PDF by number (API.md, DOC-3), in the key's merchant and mode. */
@RestController
class DocumentApiController {

    /** One issued document as the API lists it; {@code href} fetches its PDF. */
    record DocumentResource(String number, String type, Instant issuedAt, String language, String sha256, String href) {

        static DocumentResource of(IssuedDocument d) {
            return new DocumentResource(
                    d.number(),
                    d.type().name(),
                    d.issuedAt(),
                    d.language(),
                    d.sha256(),
                    "/api/v1/documents/" + d.number());
        }
    }

    private final DocumentQueries documents;
    private final LedgerQueries ledger;

    DocumentApiController(DocumentQueries documents, LedgerQueries ledger) {
        this.documents = documents;
        this.ledger = ledger;
    }

    @GetMapping("/api/v1/payments/{txid}/documents")
    @Operation(summary = "The process's issued documents, oldest first; an empty list when none")
    List<DocumentResource> ofPayment(@PathVariable long txid) {
        if (ledger.summary(txid).isEmpty()) {
            throw new PaymentRefused(
                    PaymentRefused.Code.NOT_FOUND, "No payment process " + txid + " for this key's merchant and mode.");
        }
        if (!documents.mayRead()) {
            return List.of(); // the merchant did not book DOCUMENTS: Kontor issued none for it
        }
        return documents.documentsOfProcess(txid).stream()
                .map(DocumentResource::of)
                .toList();
    }

    @GetMapping("/api/v1/documents/{number}")
    @Operation(summary = "The issued PDF as stored, with an ETag of its SHA-256")
    @ApiResponse(
            responseCode = "200",
            description = "the PDF; Content-Disposition: attachment; filename=\"<number>.pdf\"; ETag: its SHA-256",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PDF_VALUE,
                            schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<byte[]> pdf(@PathVariable String number) {
        DocumentPdf pdf = (documents.mayRead() ? documents.pdf(number) : java.util.Optional.<DocumentPdf>empty())
                .orElseThrow(() -> new PaymentRefused(
                        PaymentRefused.Code.NOT_FOUND, "No document " + number + " for this key's merchant and mode."));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .contentLength(pdf.bytes().length)
                .eTag("\"" + pdf.sha256() + "\"")
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(pdf.fileName())
                                .build()
                                .toString())
                .body(pdf.bytes());
    }
}
