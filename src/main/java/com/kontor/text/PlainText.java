package com.kontor.text;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A one-line free-text value by {@link FreeText}'s rules: what a name or an address line may hold. No control or
 * bidirectional characters, no lone surrogate, no full card number.
 */
@Constraint(validatedBy = PlainTextValidator.class)
@Target({
    ElementType.FIELD,
    ElementType.METHOD,
    ElementType.PARAMETER,
    ElementType.RECORD_COMPONENT,
    ElementType.ANNOTATION_TYPE
})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {
    String message() default "{kontor.text.controlCharacters}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
