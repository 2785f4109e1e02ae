package fr.esante.medimail.registration.registration.web;

import fr.esante.medimail.registration.account.EmailAddresses;
import fr.esante.medimail.registration.account.PersonNames;
import fr.esante.medimail.registration.registration.Registration;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of POST /api/v1/registrations. Names follow {@link PersonNames} (the rule staff corrections meet too); they are trimmed (inner blanks collapsed) and the e-mail address
 * normalised before validation; passwords are taken as typed.
 */
@PasswordsDoNotMatch
record RegistrationRequest(
        @NotBlank(message = "{registration.last-name.required}")
        @Size(max = PersonNames.MAX_LENGTH, message = "{registration.last-name.too-long}")
        @Pattern(regexp = PersonNames.PATTERN, message = "{registration.last-name.characters}")
        String lastName,

        @NotBlank(message = "{registration.first-name.required}")
        @Size(max = PersonNames.MAX_LENGTH, message = "{registration.first-name.too-long}")
        @Pattern(regexp = PersonNames.PATTERN, message = "{registration.first-name.characters}")
        String firstName,

        @NotBlank(message = "{registration.email.required}")
        @Size(max = 254, message = "{registration.email.too-long}")
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "{registration.email.invalid}")
        String email,

        @NotBlank(message = "{registration.password.required}")
        @Size(max = 72, message = "{registration.password.too-long}")
        @PasswordTooWeak
        String password,

        @NotBlank(message = "{registration.password-confirmation.required}")
        String passwordConfirmation,

        @NotBlank(message = "{registration.region.required}")
        @Pattern(regexp = "\\d{2}", message = "{registration.region.format}")
        String region) {

    RegistrationRequest {
        lastName = PersonNames.tidy(lastName);
        firstName = PersonNames.tidy(firstName);
        email = EmailAddresses.normalise(email);
        region = region == null ? null : region.strip();
    }

    Registration toRegistration() {
        return new Registration(lastName, firstName, email, password, region);
    }

    @Override
    public String toString() {
        return "RegistrationRequest[region=" + region + "]";
    }
}
