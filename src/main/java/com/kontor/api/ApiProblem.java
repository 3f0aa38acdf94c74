package com.kontor.api;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** An RFC 9457 problem document with Kontor's stable {@code code} and, for invalid input, the field errors. */
final class ApiProblem {

    record FieldError(String field, String message) {}

    private ApiProblem() {}

    static ResponseEntity<ProblemDetail> of(
            HttpStatus status, String code, String title, String detail, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setProperty("code", code);
        if (errors != null && !errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
