package com.kontor.api;

import com.kontor.operation.PaymentRefused;
import com.kontor.tenancy.OperationRefused;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every refusal of the API into a problem document with a stable code (API.md): the body as a whole is not
 * one JSON object: 400 MALFORMED_REQUEST; anything wrong inside it: 422 VALIDATION_FAILED naming the fields.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
class ApiExceptionHandler {

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
        if (cause instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            return invalid(List.of(new ApiProblem.FieldError(path(mismatch), "wrong type or format")));
        }
        return malformed(cause instanceof JacksonException ? "The body is not one JSON object." : e.getMessage());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> wrongContentType(HttpMediaTypeNotSupportedException e) {
        return malformed("Send the body as application/json.");
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolations(ConstraintViolationException e) {
        return invalid(e.getConstraintViolations().stream()
                .map(v -> new ApiProblem.FieldError(lastNode(v), v.getMessage()))
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

    private static String path(MismatchedInputException e) {
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String lastNode(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
