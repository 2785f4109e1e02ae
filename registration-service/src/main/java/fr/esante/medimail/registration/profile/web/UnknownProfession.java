package fr.esante.medimail.registration.profile.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import fr.esante.medimail.registration.reference.Professions;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** Fails with code {@code UNKNOWN_PROFESSION} when the code is not an active TRE_G15 profession (missing: left to @NotBlank). */
@Documented
@Constraint(validatedBy = UnknownProfession.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface UnknownProfession {

    String message() default "Profession inconnue : choisissez-la dans la liste.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<UnknownProfession, String> {
        @Override
        public boolean isValid(String code, ConstraintValidatorContext context) {
            return code == null || code.isBlank() || Professions.isKnown(code);
        }
    }
}
