package fr.esante.medimail.registration.profile.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import fr.esante.medimail.registration.profile.InseeRegions;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Fails with code {@code UNKNOWN_REGION} when a well-formed code names no French region (missing or malformed:
 * left to the other constraints).
 */
@Documented
@Constraint(validatedBy = UnknownRegion.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface UnknownRegion {

    String message() default "{profile.region.unknown}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<UnknownRegion, String> {
        @Override
        public boolean isValid(String code, ConstraintValidatorContext context) {
            return code == null || !code.matches("[0-9]{2}") || InseeRegions.exists(code);
        }
    }
}
