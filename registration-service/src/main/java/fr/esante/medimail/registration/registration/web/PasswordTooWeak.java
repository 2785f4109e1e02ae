package fr.esante.medimail.registration.registration.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import fr.esante.medimail.registration.registration.PasswordPolicy;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Fails with code {@code PASSWORD_TOO_WEAK} (the problem details turn a constraint's name into the error code)
 * when the password does not follow {@link PasswordPolicy}. A missing password is left to {@code @NotBlank}.
 */
@Documented
@Constraint(validatedBy = PasswordTooWeak.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface PasswordTooWeak {

    String message() default "{registration.password.too-weak}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PasswordTooWeak, String> {
        @Override
        public boolean isValid(String password, ConstraintValidatorContext context) {
            return password == null || password.isBlank() || PasswordPolicy.isStrongEnough(password);
        }
    }
}
