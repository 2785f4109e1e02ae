package fr.esante.medimail.registration.profile.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import fr.esante.medimail.registration.account.ProfilePath;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import fr.esante.medimail.registration.RegistrationApplication;
import fr.esante.medimail.support.texts.UserTexts;

/**
 * Fails with code {@code IDENTIFIER_TYPE_MISMATCH} on field {@code identifierType} when the identifier does not
 * belong to the chosen path: RPPS or ADELI for NATIONAL_ID; FINESS, SIREN or SIRET for FOREIGN_OR_IN_TRAINING.
 */
@Documented
@Constraint(validatedBy = IdentifierTypeMismatch.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface IdentifierTypeMismatch {

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<IdentifierTypeMismatch, ProfileRequest> {

        private static final UserTexts TEXTS = UserTexts.of(RegistrationApplication.NAME);
        @Override
        public boolean isValid(ProfileRequest request, ConstraintValidatorContext context) {
            if (request == null || request.path() == null || request.identifierType() == null
                    || request.path().accepts(request.identifierType())) {
                return true;
            }
            String message = request.path() == ProfilePath.NATIONAL_ID
                    ? TEXTS.text("profile.identifier-type.national-id")
                    : TEXTS.text("profile.identifier-type.structure");
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(message).addPropertyNode("identifierType").addConstraintViolation();
            return false;
        }
    }
}
