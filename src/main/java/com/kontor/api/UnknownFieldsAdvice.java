package com.kontor.api;

import java.lang.reflect.Type;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/** Refuses a request body with unknown fields once it is read, naming every one of them (API.md). */
@ControllerAdvice(basePackageClasses = UnknownFieldsAdvice.class)
class UnknownFieldsAdvice extends RequestBodyAdviceAdapter {

    /** The body had fields the API does not know. */
    static final class UnknownFieldsFound extends RuntimeException {

        private final List<String> fields;

        UnknownFieldsFound(List<String> fields) {
            super("unknown fields " + fields);
            this.fields = fields;
        }

        List<String> fields() {
            return fields;
        }
    }

    @Override
    public boolean supports(
            MethodParameter methodParameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(
            HttpInputMessage inputMessage,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        StrictJson.UnknownFields.reset();
        return inputMessage;
    }

    @Override
    public Object afterBodyRead(
            Object body,
            HttpInputMessage inputMessage,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        List<String> unknown = StrictJson.UnknownFields.take();
        if (!unknown.isEmpty()) {
            throw new UnknownFieldsFound(unknown);
        }
        return body;
    }
}
