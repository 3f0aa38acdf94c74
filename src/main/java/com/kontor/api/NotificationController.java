package com.kontor.api;

import com.kontor.psp.NotificationInbox;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Provider notifications (PSP-3) as API.md specifies them: PAYONE's form POST answered {@code TSOK} once stored,
 * Adyen's JSON webhook answered {@code [accepted]} once stored; booking follows asynchronously. Refusals are
 * problem documents, like everywhere on the machine interfaces.
 */
@RestController
@Tag(name = "Provider notifications")
class NotificationController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final NotificationInbox inbox;

    NotificationController(NotificationInbox inbox) {
        this.inbox = inbox;
    }

    @PostMapping(
            path = "/notifications/payone",
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "PAYONE-style transaction status notification; TSOK once stored, 403 for a wrong key")
    @ApiResponse(responseCode = "200", description = "TSOK: the notification is stored")
    @Refuses(ApiRefusal.FORBIDDEN)
    ResponseEntity<?> payone(@RequestParam MultiValueMap<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>();
        form.forEach((name, values) -> fields.put(name, values.isEmpty() ? "" : values.getFirst()));
        if (inbox.receivePayone(fields) == NotificationInbox.Outcome.REFUSED) {
            return ApiProblem.of(
                    HttpStatus.FORBIDDEN,
                    "FORBIDDEN",
                    "Forbidden",
                    "Unknown portalid or wrong key. Nothing was stored.",
                    null);
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("TSOK");
    }

    @PostMapping(path = "/notifications/adyen", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Adyen-style webhook; [accepted] once stored, 401 when any item's signature is wrong")
    @ApiResponse(responseCode = "200", description = "[accepted]: the batch is stored")
    @Refuses(ApiRefusal.UNAUTHENTICATED)
    ResponseEntity<?> adyen(@RequestBody String body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JacksonException e) {
            return ApiProblem.of(
                    HttpStatus.BAD_REQUEST,
                    "MALFORMED_REQUEST",
                    "Malformed request",
                    "The body is not one JSON object.",
                    null);
        }
        if (json == null || !json.isObject()) {
            return ApiProblem.of(
                    HttpStatus.BAD_REQUEST,
                    "MALFORMED_REQUEST",
                    "Malformed request",
                    "The body is not one JSON object.",
                    null);
        }
        if (inbox.receiveAdyen(json) == NotificationInbox.Outcome.REFUSED) {
            return ApiProblem.of(
                    HttpStatus.UNAUTHORIZED,
                    "UNAUTHENTICATED",
                    "Unauthenticated",
                    "An item's HMAC signature is wrong or its merchant account unknown. Nothing of the batch was stored.",
                    null);
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("[accepted]");
    }

    @ExceptionHandler(NotificationInbox.Unreadable.class)
    ResponseEntity<?> unreadable(NotificationInbox.Unreadable e) {
        return ApiProblem.of(
                HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "Malformed notification", e.getMessage(), null);
    }
}
