package com.kontor.api;

import com.kontor.db.DatabaseErrors;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * What the servlet container's error dispatch answers, for anything that fails outside a controller (a filter, a
 * container check): an RFC 9457 problem document with Kontor's codes, never the container's page or Spring's default
 * JSON. The portal's own errors are Vaadin's views; this is the last resort behind them.
 */
@Controller
class ProblemErrorController implements ErrorController {

    private final ProblemResponses problems;

    ProblemErrorController(ProblemResponses problems) {
        this.problems = problems;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        if (status == HttpServletResponse.SC_INTERNAL_SERVER_ERROR
                && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
                && DatabaseErrors.isUnavailable(failure)) {
            // a filter (the API key check, the idempotency record) could not reach the database
            status = HttpServletResponse.SC_SERVICE_UNAVAILABLE;
        }
        String[] problem = switch (status) {
            case 400 -> new String[] {"MALFORMED_REQUEST", "Malformed request", "The request cannot be read."};
            case 401 -> new String[] {"UNAUTHENTICATED", "Unauthenticated", "Log in or send a valid API key."};
            case 403 -> new String[] {"FORBIDDEN", "Forbidden", "This may not be done with these rights."};
            case 404 -> new String[] {"NOT_FOUND", "Not found", "No such resource."};
            case 405 -> new String[] {"METHOD_NOT_ALLOWED", "Method not allowed", "This method is not allowed here."};
            case 413 -> new String[] {"PAYLOAD_TOO_LARGE", "Payload too large", "The body is too large."};
            case 503 ->
                new String[] {
                    "SERVICE_UNAVAILABLE",
                    "Service unavailable",
                    "The database cannot be reached. Nothing was written; try again shortly."
                };
            default ->
                status >= 500
                        ? new String[] {"INTERNAL_ERROR", "Internal error", "Something went wrong on Kontor's side."}
                        : new String[] {"MALFORMED_REQUEST", "Refused", "The request was refused."};
        };
        if (status == 503) {
            response.setHeader("Retry-After", "5");
        }
        problems.write(response, status, problem[0], problem[1], problem[2]);
    }
}
