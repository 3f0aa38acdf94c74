package com.kontor.api;

import com.kontor.db.ConcurrentUpdate;
import com.kontor.db.DatabaseErrors;
import com.kontor.operation.PaymentRefused;
import com.kontor.tenancy.OperationRefused;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every refusal of the API into a problem document with a stable code (API.md): the body as a whole is not
 * one JSON object: 400 MALFORMED_REQUEST; anything wrong inside it: 422 VALIDATION_FAILED naming the fields.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final MessageSource messages;

    ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return invalid(List.of(new ApiProblem.FieldError(path(unknown), "unknown field")));
        }
        if (cause instanceof InvalidFormatException format
                && format.getTargetType() == String.class
                && !format.getPath().isEmpty()) {
            return invalid(List.of(new ApiProblem.FieldError(path(format), format.getOriginalMessage())));
        }
        if (cause instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            return invalid(List.of(new ApiProblem.FieldError(path(mismatch), "wrong type or format")));
        }
        if (cause instanceof InputCoercionException tooLarge && tooLarge.processor() instanceof JsonParser parser) {
            // a number beyond 64 bits is well-formed JSON, only too large for its field: the field is named
            return invalid(List.of(new ApiProblem.FieldError(
                    path(parser.streamReadContext().pathAsPointer()), "number out of range")));
        }
        if (cause instanceof StreamReadException read
                && read.getOriginalMessage() != null
                && read.getOriginalMessage().startsWith("Duplicate")) {
            return malformed("A key appears twice in one JSON object.");
        }
        return malformed(
                cause instanceof JacksonException
                        ? "The body is not one JSON object in UTF-8."
                        : "The body could not be read.");
    }

    @ExceptionHandler(UnknownFieldsAdvice.UnknownFieldsFound.class)
    ResponseEntity<ProblemDetail> unknownFields(UnknownFieldsAdvice.UnknownFieldsFound e) {
        return invalid(e.fields().stream()
                .map(field -> new ApiProblem.FieldError(field, "unknown field"))
                .toList());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> wrongContentType(HttpMediaTypeNotSupportedException e) {
        return malformed("Send the body as application/json.");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return ApiProblem.of(
                HttpStatus.NOT_ACCEPTABLE,
                "NOT_ACCEPTABLE",
                "Not acceptable",
                "The API answers application/json (and application/problem+json) only.",
                null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> wrongMethod(HttpRequestMethodNotSupportedException e) {
        return ApiProblem.of(
                HttpStatus.METHOD_NOT_ALLOWED,
                "METHOD_NOT_ALLOWED",
                "Method not allowed",
                e.getMethod() + " is not allowed here.",
                null);
    }

    /** A path value of the wrong type, such as a TXID that is not a number: no such resource. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> wrongPathValue(MethodArgumentTypeMismatchException e) {
        return ApiProblem.of(
                HttpStatus.NOT_FOUND,
                "NOT_FOUND",
                "Not found",
                "No such " + e.getName() + " for this key's merchant and mode.",
                null);
    }

    /** Another request changed the same rows at the same moment and the retries did not get through (API.md). */
    @ExceptionHandler(ConcurrentUpdate.class)
    ResponseEntity<ProblemDetail> concurrentUpdate(ConcurrentUpdate e) {
        log.info("Refused after retries: {}", e.getCause().toString());
        IdempotencyFilter.doNotKeep();
        return ApiProblem.of(
                HttpStatus.CONFLICT,
                "CONCURRENT_UPDATE",
                "Concurrent update",
                "Another request changed the same record at this moment. Nothing was written; send the request again.",
                null);
    }

    /** A service's own role check (a person's, not a key's, operation): 403, as the security chain answers it. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e) {
        return ApiProblem.of(HttpStatus.FORBIDDEN, "FORBIDDEN", "Forbidden", "This key may not do that.", null);
    }

    /** The database cannot be reached: answered at once, nothing was written (API.md). */
    @ExceptionHandler({DataAccessException.class, TransactionException.class, PersistenceException.class})
    ResponseEntity<ProblemDetail> database(Exception e) {
        if (DatabaseErrors.isConflict(e, false)) {
            return concurrentUpdate(new ConcurrentUpdate(e));
        }
        if (!DatabaseErrors.isUnavailable(e)) {
            return internal(e);
        }
        log.warn("The database cannot be reached: {}", e.toString());
        ResponseEntity<ProblemDetail> unavailable = ApiProblem.of(
                HttpStatus.SERVICE_UNAVAILABLE,
                "SERVICE_UNAVAILABLE",
                "Service unavailable",
                "The database cannot be reached. Nothing was written; try again shortly.",
                null);
        return ResponseEntity.status(unavailable.getStatusCode())
                .header(HttpHeaders.RETRY_AFTER, "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(unavailable.getBody());
    }

    /** Anything unforeseen: a problem document too, never a stack trace or the servlet container's page. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> internal(Exception e) {
        if (DatabaseErrors.isUnavailable(e)) {
            return database(e);
        }
        log.error("Unexpected failure in the API", e);
        return ApiProblem.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "INTERNAL_ERROR",
                "Internal error",
                "Something went wrong on Kontor's side. Nothing half-done was kept; try again.",
                null);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolations(ConstraintViolationException e) {
        return invalid(e.getConstraintViolations().stream()
                .map(v -> new ApiProblem.FieldError(fieldOf(v), v.getMessage()))
                .distinct()
                .sorted(Comparator.comparing(ApiProblem.FieldError::field))
                .toList());
    }

    @ExceptionHandler(OperationRefused.class)
    ResponseEntity<ProblemDetail> refused(OperationRefused e) {
        String message = messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), Locale.ENGLISH);
        if (e.field() != null) {
            return invalid(List.of(new ApiProblem.FieldError(e.field(), message)));
        }
        return ApiProblem.of(HttpStatus.UNPROCESSABLE_CONTENT, "VALIDATION_FAILED", "Refused", message, null);
    }

    @ExceptionHandler(PaymentRefused.class)
    ResponseEntity<ProblemDetail> paymentRefused(PaymentRefused e) {
        HttpStatus status = switch (e.code()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case INVALID_STATE -> HttpStatus.CONFLICT;
            case AMOUNT_EXCEEDS_LIMIT, BLACKLISTED, PROVIDER_NOT_CONFIGURED, PROVIDER_DECLINED ->
                HttpStatus.UNPROCESSABLE_CONTENT;
        };
        String title = switch (e.code()) {
            case NOT_FOUND -> "Not found";
            case INVALID_STATE -> "Not possible in this status";
            case AMOUNT_EXCEEDS_LIMIT -> "Amount exceeds the limit";
            case BLACKLISTED -> "Blacklisted";
            case PROVIDER_NOT_CONFIGURED -> "No provider configured";
            case PROVIDER_DECLINED -> "Declined by the provider";
        };
        ResponseEntity<ProblemDetail> response = ApiProblem.of(status, e.code().name(), title, e.getMessage(), null);
        if (e.txid() != null) {
            response.getBody().setProperty("txid", e.txid());
        }
        return response;
    }

    private static ResponseEntity<ProblemDetail> invalid(List<ApiProblem.FieldError> errors) {
        return ApiProblem.of(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "VALIDATION_FAILED",
                "Validation failed",
                errors.stream().map(ApiProblem.FieldError::field).collect(Collectors.joining(", "))
                        + ": invalid. Nothing was changed.",
                errors);
    }

    private static ResponseEntity<ProblemDetail> malformed(String detail) {
        return ApiProblem.of(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "Malformed request", detail, null);
    }

    /** A JSON pointer ({@code /debtor/email}, {@code /items/0}) as API.md names fields ({@code debtor.email}). */
    static String path(JsonPointer pointer) {
        StringBuilder path = new StringBuilder();
        for (JsonPointer p = pointer; p != null && !p.matches(); p = p.tail()) {
            if (p.mayMatchElement()) {
                path.append('[').append(p.getMatchingIndex()).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(p.getMatchingProperty());
            }
        }
        return path.toString();
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    /**
     * A violation's field as the body names it: {@code lastName} for a debtor's body, {@code debtor.lastName} for a
     * payment's inline debtor; the method and parameter of a validated service call are no part of it.
     */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<String> names = new java.util.ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, PARAMETER, CROSS_PARAMETER, RETURN_VALUE -> {}
                default -> {
                    if (node.getName() != null) {
                        names.add(node.getName() + (node.getIndex() == null ? "" : "[" + node.getIndex() + "]"));
                    }
                }
            }
        }
        return String.join(".", names);
    }
}
