package com.kontor.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The refusals an API operation has beyond those every operation of its kind has (see
 * {@link OpenApiConfiguration}): they appear in its OpenAPI description.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface Refuses {
    ApiRefusal[] value();
}
