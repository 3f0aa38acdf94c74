package com.kontor.api;

import com.kontor.blacklist.Blacklist;
import com.kontor.blacklist.BlacklistKind;
import io.swagger.v3.oas.annotations.Operation;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/blacklist/check} (API-2, BL-2): is a value on the key's merchant's blacklist (its mode)? */
@RestController
class BlacklistApiController {

    /** The values to check; give at least one. */
    record CheckRequest(String email, String iban, String cardToken) {}

    private final Blacklist blacklist;

    BlacklistApiController(Blacklist blacklist) {
        this.blacklist = blacklist;
    }

    @PostMapping("/api/v1/blacklist/check")
    @Operation(
            summary =
                    "Whether each given value is on the blacklist: {\"email\": bool, \"iban\": bool, \"cardToken\": bool}")
    ResponseEntity<?> check(@RequestBody CheckRequest request) {
        Map<BlacklistKind, String> values = new EnumMap<>(BlacklistKind.class);
        if (request.email() != null) {
            values.put(BlacklistKind.EMAIL, request.email());
        }
        if (request.iban() != null) {
            values.put(BlacklistKind.IBAN, request.iban());
        }
        if (request.cardToken() != null) {
            values.put(BlacklistKind.CARD_TOKEN, request.cardToken());
        }
        if (values.isEmpty()) {
            return ApiProblem.of(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "VALIDATION_FAILED",
                    "Validation failed",
                    "Give at least one of email, iban, cardToken.",
                    List.of(new ApiProblem.FieldError("email", "one of email, iban, cardToken is required")));
        }
        Map<String, Boolean> answer = new LinkedHashMap<>();
        blacklist.check(values).forEach((kind, blocked) -> answer.put(kind.fieldName(), blocked));
        return ResponseEntity.ok(answer);
    }
}
