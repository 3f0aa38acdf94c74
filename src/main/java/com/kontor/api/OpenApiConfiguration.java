package com.kontor.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI description ({@code /v3/api-docs}, browsable at {@code /swagger-ui.html}): title, the build's version,
 * the API key as bearer scheme (Swagger UI's "Authorize" takes a key), and on every operation the refusals it can
 * answer, as RFC 9457 problem documents ({@code application/problem+json}, schema {@value #PROBLEM}). What every
 * operation of a kind can answer is derived here; an operation's own refusals are named by {@link Refuses}.
 */
@Configuration
class OpenApiConfiguration {

    static final String API_KEY = "apiKey";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    private static final String DESCRIPTION = """
            Kontor's shop API: debtors, payment processes (pre-authorisation, authorisation, capture, shipment, \
            refund), the blacklist check; and the payment service providers' notifications.

            Authenticate with an API key: `Authorization: Bearer <api key>`. A key belongs to one portal of one \
            merchant and to one mode (live or test); it decides both, and never reaches another merchant's data. An \
            ADMIN creates keys in the portal under Administration → API keys.

            JSON in and out, UTF-8; unknown fields are refused. Money is `{"value": 1999, "currency": "EUR"}` in \
            minor units. Every POST and PUT accepts `Idempotency-Key` (kept at least 24 hours): a repeat with the \
            same body returns the first answer. Every refusal is an RFC 9457 problem document \
            (`application/problem+json`) with a stable `code`.""";

    @Bean
    OpenAPI kontorOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        String version = properties == null ? "development" : properties.getVersion();
        return new OpenAPI()
                .info(new Info().title("Kontor API").version(version).description(DESCRIPTION))
                .components(new Components()
                        .addSecuritySchemes(
                                API_KEY,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("API key")
                                        .description("An API key of a portal and mode, sent as Bearer token."))
                        .addSchemas(PROBLEM, problemSchema()));
    }

    /** Per operation: the API key (not on notifications, which carry their key inside) and the refusals. */
    @Bean
    OperationCustomizer refusals() {
        return (operation, handler) -> {
            boolean notification = handler.getBeanType() == NotificationController.class;
            Set<ApiRefusal> refusals = refusalsOf(handler, notification);
            if (!notification) {
                operation.addSecurityItem(new SecurityRequirement().addList(API_KEY));
            }
            if (!notification && writes(handler)) {
                operation.addParametersItem(new HeaderParameter()
                        .name("Idempotency-Key")
                        .required(false)
                        .description("Sent again with the same body, the first answer is returned and nothing"
                                + " else happens; with another body: 422 IDEMPOTENCY_KEY_REUSED. Kept 24 hours.")
                        .schema(new StringSchema().maxLength(255)));
            }
            describe(operation, refusals);
            return operation;
        };
    }

    private static Set<ApiRefusal> refusalsOf(HandlerMethod handler, boolean notification) {
        Set<ApiRefusal> refusals = EnumSet.of(ApiRefusal.SERVICE_UNAVAILABLE);
        boolean body = writes(handler) || hasParameter(handler, RequestBody.class);
        if (body) {
            refusals.addAll(List.of(ApiRefusal.MALFORMED_REQUEST, ApiRefusal.PAYLOAD_TOO_LARGE));
        }
        if (!notification) {
            refusals.add(ApiRefusal.UNAUTHENTICATED);
            if (body) {
                refusals.addAll(List.of(
                        ApiRefusal.VALIDATION_FAILED,
                        ApiRefusal.IDEMPOTENCY_IN_PROGRESS,
                        ApiRefusal.IDEMPOTENCY_KEY_REUSED,
                        ApiRefusal.CONCURRENT_UPDATE));
            }
            if (hasParameter(handler, PathVariable.class)) {
                refusals.add(ApiRefusal.NOT_FOUND);
            }
        }
        Refuses own = handler.getMethodAnnotation(Refuses.class);
        if (own != null) {
            refusals.addAll(Arrays.asList(own.value()));
        }
        return refusals;
    }

    /** One response per status, its description listing each code with its meaning, the body a problem. */
    private static void describe(Operation operation, Set<ApiRefusal> refusals) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        Map<Integer, List<ApiRefusal>> byStatus =
                refusals.stream().collect(Collectors.groupingBy(r -> r.status, TreeMap::new, Collectors.toList()));
        byStatus.forEach((status, codes) -> {
            String text = codes.stream()
                    .map(code -> "`" + code.name() + "`: " + code.meaning)
                    .collect(Collectors.joining("; "));
            ApiResponse response = new ApiResponse()
                    .description(text)
                    .content(new Content()
                            .addMediaType(
                                    PROBLEM_JSON,
                                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
            if (status == 503) {
                response.addHeaderObject(
                        "Retry-After",
                        new Header().description("seconds to wait").schema(new IntegerSchema()));
            }
            operation.getResponses().addApiResponse(String.valueOf(status), response);
        });
    }

    private static boolean writes(HandlerMethod handler) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        return mapping != null
                && Stream.of(mapping.method()).anyMatch(m -> m == RequestMethod.POST || m == RequestMethod.PUT);
    }

    private static boolean hasParameter(HandlerMethod handler, Class<? extends java.lang.annotation.Annotation> kind) {
        return Stream.of(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(kind));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        Schema fieldError = new ObjectSchema()
                .addProperty(
                        "field", new StringSchema().description("the field as the body names it, e.g. debtor.email"))
                .addProperty("message", new StringSchema());
        StringSchema code = new StringSchema();
        code.setEnum(Stream.concat(
                        Stream.of(ApiRefusal.values()).map(Enum::name),
                        Stream.of("NOT_ACCEPTABLE", "METHOD_NOT_ALLOWED", "INTERNAL_ERROR"))
                .toList());
        return new ObjectSchema()
                .description("An RFC 9457 problem document with Kontor's stable code")
                .addProperty("type", new StringSchema().format("uri").example("about:blank"))
                .addProperty("title", new StringSchema().example("Refused"))
                .addProperty("status", new IntegerSchema().example(422))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty("code", code.description("stable, for programs: the table in the API description"))
                .addProperty(
                        "errors",
                        new ArraySchema().items(fieldError).description("VALIDATION_FAILED: the fields refused"))
                .addProperty(
                        "txid",
                        new IntegerSchema().format("int64").description("BLACKLISTED: the process recorded as ERROR"))
                .required(List.of("status", "title", "code"));
    }
}
