package com.kontor.api;

import com.kontor.text.FreeText;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Strict input, as a payment API must be (API.md): unknown fields refused, every one of them named; no coercion (a
 * number is not a string, {@code 19.99} is not an integer, an enum is not an ordinal); nothing after the JSON object;
 * a key twice in one object refused; and a string with a lone surrogate is no text at all (400). Control and
 * bidirectional characters and card numbers are the fields' own validation ({@link FreeText}), so that one answer
 * names every bad field at once.
 */
@Configuration
class StrictJson {

    @Bean
    JsonMapperBuilderCustomizer strictJsonInput() {
        return builder -> builder.enable(
                        DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(
                        LogicalType.Textual,
                        c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Integer,
                        c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Enum, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .addModule(new SimpleModule("kontor-free-text").addDeserializer(String.class, new CheckedText()))
                .addHandler(new UnknownFields());
    }

    /** Every string of a request body, checked as free text. */
    static final class CheckedText extends ValueDeserializer<String> {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            FreeText.Problem problem = FreeText.problem(value);
            if (problem == FreeText.Problem.LONE_SURROGATE) {
                throw new StreamReadException(p, "A string holds a lone surrogate: not valid Unicode text.");
            }
            return value;
        }

        @Override
        public Object getNullValue(DeserializationContext ctxt) {
            return null;
        }
    }

    /**
     * Collects every unknown field of a body instead of stopping at the first, so that the answer names them all
     * ({@link UnknownFieldsAdvice} refuses the body once it is read).
     */
    static final class UnknownFields extends DeserializationProblemHandler {

        private static final ThreadLocal<List<String>> FOUND = ThreadLocal.withInitial(ArrayList::new);

        @Override
        public boolean handleUnknownProperty(
                DeserializationContext ctxt,
                JsonParser p,
                ValueDeserializer<?> deserializer,
                Object beanOrClass,
                String propertyName)
                throws JacksonException {
            // the parser stands at the unknown field's value: its path names the field within the body
            FOUND.get().add(ApiExceptionHandler.path(p.streamReadContext().pathAsPointer()));
            p.skipChildren();
            return true;
        }

        /** Forgets what an earlier body of this thread left. */
        static void reset() {
            FOUND.get().clear();
        }

        /** The unknown fields of the body just read, and forgets them. */
        static List<String> take() {
            List<String> found = List.copyOf(FOUND.get());
            FOUND.get().clear();
            return found;
        }
    }
}
