package com.kontor.text;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link PlainText}; a card number gets its own message, so the user knows what to remove. */
public class PlainTextValidator implements ConstraintValidator<PlainText, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        FreeText.Problem problem = FreeText.problem(value);
        if (problem == null) {
            return true;
        }
        if (problem != FreeText.Problem.CONTROL_CHARACTER) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("{kontor.text." + problem.name() + "}")
                    .addConstraintViolation();
        }
        return false;
    }
}
