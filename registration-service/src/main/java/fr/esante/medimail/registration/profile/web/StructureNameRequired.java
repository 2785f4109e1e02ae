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

/**
 * Fails with code {@code STRUCTURE_NAME_REQUIRED} on field {@code organisationName} when a foreign or in-training
 * professional does not name the structure whose FINESS, SIREN or SIRET they give: staff check the two together.
 */
@Documented
@Constraint(validatedBy = StructureNameRequired.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface StructureNameRequired {

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<StructureNameRequired, ProfileRequest> {
        @Override
        public boolean isValid(ProfileRequest request, ConstraintValidatorContext context) {
            if (request == null || request.path() != ProfilePath.FOREIGN_OR_IN_TRAINING || request.organisationName() != null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("{profile.organisation-name.required}").addPropertyNode("organisationName").addConstraintViolation();
            return false;
        }
    }
}
