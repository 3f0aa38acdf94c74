package com.kontor.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any path under the machine interfaces that no endpoint serves: a 404 problem document, never the portal's HTML
 * (Spring MVC prefers every more specific mapping over this one).
 */
@RestController
@Hidden
class ApiFallbackController {

    @RequestMapping({"/api/**", "/notifications/**"})
    ResponseEntity<ProblemDetail> notFound(HttpServletRequest request) {
        return ApiProblem.of(
                HttpStatus.NOT_FOUND,
                "NOT_FOUND",
                "Not found",
                "No such resource: " + request.getMethod() + " " + request.getRequestURI(),
                null);
    }
}
