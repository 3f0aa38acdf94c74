package com.kontor.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any path under the machine interfaces that no endpoint serves: a 404 problem document, never the portal's HTML
 * (Spring MVC prefers every more specific mapping over this one).
 */
@RestController
class ApiFallbackController {

    @RequestMapping({"/api/**", "/notifications/**"})
    ResponseEntity<ProblemDetail> notFound(HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No such resource: " + request.getMethod() + " " + request.getRequestURI());
        problem.setTitle("Not found");
        problem.setProperty("code", "NOT_FOUND");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
