package fr.esante.medimail.registration.profile.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import fr.esante.medimail.registration.reference.ReferenceLists;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Fails with code {@code UNKNOWN_SPECIALTY} on field {@code specialty} when the code is not an active TRE_R38 specialty of
 * the chosen profession: the directory would publish a specialty the profession cannot hold.
 */
@Documented
@Constraint(validatedBy = UnknownSpecialty.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface UnknownSpecialty {

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<UnknownSpecialty, ProfileRequest> {

        private final ReferenceLists lists;

        // Built by Spring's validator factory, which injects the lists.
        Validator(ReferenceLists lists) {
            this.lists = lists;
        }

        @Override
        public boolean isValid(ProfileRequest request, ConstraintValidatorContext context) {
            if (request == null || request.specialty() == null || request.profession() == null) {
                return true;
            }
            var profession = lists.professions().stream()
                    .filter(candidate -> candidate.code().equals(request.profession())).findFirst();
            // An unknown profession is its own error (UNKNOWN_PROFESSION): the specialty is judged against a known one.
            if (profession.isEmpty()
                    || profession.get().specialties().stream().anyMatch(specialty -> specialty.code().equals(request.specialty()))) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("{profile.specialty.unknown}").addPropertyNode("specialty").addConstraintViolation();
            return false;
        }
    }
}
