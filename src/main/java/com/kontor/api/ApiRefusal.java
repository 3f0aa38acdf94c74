package com.kontor.api;

/**
 * The refusals of the machine interfaces with their stable codes and statuses as API.md lists them; the OpenAPI
 * description names them per operation ({@link OpenApiConfiguration}).
 */
enum ApiRefusal {
    MALFORMED_REQUEST(
            400,
            "the body as a whole is not one JSON object in UTF-8 (trailing data, a top-level array, a wrong content"
                    + " type, a duplicate key, invalid UTF-8)"),
    UNAUTHENTICATED(
            401, "missing or wrong API key (an Adyen notification: a wrong signature or unknown merchant account)"),
    FORBIDDEN(403, "a PAYONE notification with a wrong key or unknown portalid; nothing was stored"),
    NOT_FOUND(404, "no such debtor or process for this key's merchant and mode"),
    INVALID_STATE(409, "the process's status does not allow the operation at all"),
    IDEMPOTENCY_IN_PROGRESS(409, "a request with the same Idempotency-Key is still running"),
    CONCURRENT_UPDATE(
            409,
            "another request changed the same record at the same moment; nothing was written, sending the request"
                    + " again is safe"),
    PAYLOAD_TOO_LARGE(413, "a body over 1 MiB (shop API) or 2 MiB (notifications); refused before any parsing"),
    VALIDATION_FAILED(422, "a field is missing, of the wrong type or invalid; errors lists {field, message}"),
    AMOUNT_EXCEEDS_LIMIT(422, "the amount is more than is left to capture or refund"),
    BLACKLISTED(
            422,
            "an email, IBAN or card of the payment is on the merchant's blacklist; txid names the process recorded"
                    + " with status ERROR"),
    IDEMPOTENCY_KEY_REUSED(422, "the same Idempotency-Key was used with another body"),
    PROVIDER_NOT_CONFIGURED(422, "a live-mode portal has no real provider for this payment method"),
    SERVICE_UNAVAILABLE(503, "the database cannot be reached (with Retry-After); nothing was written");

    final int status;
    final String meaning;

    ApiRefusal(int status, String meaning) {
        this.status = status;
        this.meaning = meaning;
    }
}
