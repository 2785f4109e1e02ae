package fr.esante.medimail.registration.registration.web;

import fr.esante.medimail.registration.account.EmailAddresses;
import fr.esante.medimail.registration.registration.Registration;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of POST /api/v1/registrations. Names are trimmed (inner blanks collapsed) and the e-mail address
 * normalised before validation; passwords are taken as typed.
 */
@PasswordsDoNotMatch
record RegistrationRequest(
        @NotBlank(message = "Le nom est obligatoire.")
        @Size(max = 100, message = "Le nom ne peut pas dépasser 100 caractères.")
        @Pattern(regexp = NAME, message = "Le nom ne peut contenir que des lettres, des espaces, des tirets et des apostrophes.")
        String lastName,

        @NotBlank(message = "Le prénom est obligatoire.")
        @Size(max = 100, message = "Le prénom ne peut pas dépasser 100 caractères.")
        @Pattern(regexp = NAME, message = "Le prénom ne peut contenir que des lettres, des espaces, des tirets et des apostrophes.")
        String firstName,

        @NotBlank(message = "L'adresse e-mail est obligatoire.")
        @Size(max = 254, message = "L'adresse e-mail ne peut pas dépasser 254 caractères.")
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "L'adresse e-mail n'est pas valide (exemple : jean.durand@exemple.fr).")
        String email,

        @NotBlank(message = "Le mot de passe est obligatoire.")
        @Size(max = 72, message = "Le mot de passe ne peut pas dépasser 72 caractères.")
        @PasswordTooWeak
        String password,

        @NotBlank(message = "La confirmation du mot de passe est obligatoire.")
        String passwordConfirmation,

        @NotBlank(message = "La région est obligatoire.")
        @Pattern(regexp = "\\d{2}", message = "La région doit être un code INSEE de région à 2 chiffres (par exemple 76 pour l'Occitanie).")
        String region) {

    /** A letter (any script, accents), then letters, blanks, apostrophes, dots and hyphens; empty is left to @NotBlank. */
    static final String NAME = "(?:\\p{L}[\\p{L}\\p{M} '’.-]*)?";

    RegistrationRequest {
        lastName = tidy(lastName);
        firstName = tidy(firstName);
        email = EmailAddresses.normalise(email);
        region = region == null ? null : region.strip();
    }

    Registration toRegistration() {
        return new Registration(lastName, firstName, email, password, region);
    }

    private static String tidy(String name) {
        return name == null ? null : name.strip().replaceAll("\\s+", " ");
    }

    @Override
    public String toString() {
        return "RegistrationRequest[region=" + region + "]";
    }
}
