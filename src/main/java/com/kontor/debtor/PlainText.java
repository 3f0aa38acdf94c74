package com.kontor.debtor;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Text without control characters (line breaks, tabs, NUL ...): what a name or an address line may hold. */
@Pattern(regexp = "[^\\p{Cc}]*")
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {
    String message() default "{kontor.text.controlCharacters}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
