package com.kontor.debtor;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Master data whose country, postcode, VAT id and phone follow {@link MasterDataRules}; each problem on its field. */
@Constraint(validatedBy = FormattedMasterData.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface FormattedMasterData {
    String message() default "{kontor.debtor.format}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Reports each problem on its own field, so that the API's answer and the dialog name the field. */
    class Validator implements ConstraintValidator<FormattedMasterData, MasterData> {

        @Override
        public boolean isValid(MasterData data, ConstraintValidatorContext context) {
            if (data == null) {
                return true;
            }
            var problems = MasterDataRules.problems(data);
            if (problems.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            problems.forEach((field, key) -> context.buildConstraintViolationWithTemplate("{kontor.debtor." + key + "}")
                    .addPropertyNode(field)
                    .addConstraintViolation());
            return false;
        }
    }
}
