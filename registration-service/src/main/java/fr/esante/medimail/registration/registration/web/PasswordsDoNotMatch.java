package fr.esante.medimail.registration.registration.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Fails with code {@code PASSWORDS_DO_NOT_MATCH} on field {@code passwordConfirmation} when it differs from
 * {@code password} (both present; a missing one is left to {@code @NotBlank}).
 */
@Documented
@Constraint(validatedBy = PasswordsDoNotMatch.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface PasswordsDoNotMatch {

    String message() default "{registration.password-confirmation.mismatch}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PasswordsDoNotMatch, RegistrationRequest> {
        @Override
        public boolean isValid(RegistrationRequest request, ConstraintValidatorContext context) {
            if (request == null || request.password() == null || request.passwordConfirmation() == null
                    || request.passwordConfirmation().isEmpty() || request.password().equals(request.passwordConfirmation())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("passwordConfirmation").addConstraintViolation();
            return false;
        }
    }
}
