package fr.esante.medimail.registration.profile.web;

import fr.esante.medimail.registration.account.IdentifierType;
import fr.esante.medimail.registration.account.PostalAddress;
import fr.esante.medimail.registration.account.ProfessionalProfile;
import fr.esante.medimail.registration.account.ProfilePath;
import fr.esante.medimail.registration.profile.PhoneNumbers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of PUT /api/v1/me/professional-profile. Texts are trimmed, blank optional texts become null; {@code liberal}
 * defaults to false, {@code directoryVisible} and {@code paperless} to true. An unknown enum value is a 400 on its field.
 */
@IdentifierTypeMismatch
@StructureNameRequired
@UnknownSpecialty
record ProfileRequest(
        @NotNull(message = "Indiquez si vous disposez d'un identifiant national (RPPS, ADELI) ou si vous êtes"
                + " professionnel étranger ou en formation.")
        ProfilePath path,

        @NotNull(message = "Le type d'identifiant est obligatoire.")
        IdentifierType identifierType,

        @NotBlank(message = "L'identifiant est obligatoire.")
        @Size(max = 20, message = "L'identifiant ne peut pas dépasser 20 caractères.")
        String identifier,

        @NotBlank(message = "La profession est obligatoire.")
        @UnknownProfession
        String profession,

        @Size(max = 10, message = "Le code de spécialité ne peut pas dépasser 10 caractères.")
        @Pattern(regexp = "[A-Z]{1,4}[0-9]{2,3}", message = "Le code de spécialité n'est pas valide (par exemple SM54).")
        String specialty,

        Boolean liberal,

        @NotBlank(message = "Le téléphone est obligatoire.")
        @Size(max = 25, message = "Le numéro de téléphone est trop long.")
        @Pattern(regexp = PhoneNumbers.FRENCH, message = "Le numéro de téléphone n'est pas un numéro français valide"
                + " (par exemple 05 61 00 00 00).")
        String phone,

        @Size(max = 25, message = "Le second numéro de téléphone est trop long.")
        @Pattern(regexp = PhoneNumbers.FRENCH, message = "Le second numéro de téléphone n'est pas un numéro français valide"
                + " (par exemple 06 12 34 56 78).")
        String secondPhone,

        @NotNull(message = "L'adresse du lieu d'exercice est obligatoire.")
        @Valid
        AddressRequest address,

        @Size(max = 200, message = "La raison sociale ne peut pas dépasser 200 caractères.")
        String organisationName,

        @Size(max = 200, message = "Le service de rattachement ne peut pas dépasser 200 caractères.")
        String serviceName,

        Boolean directoryVisible,

        Boolean paperless) {

    ProfileRequest {
        identifier = trim(identifier);
        profession = trim(profession);
        specialty = optional(specialty);
        phone = trim(phone);
        secondPhone = optional(secondPhone);
        organisationName = optional(organisationName);
        serviceName = optional(serviceName);
    }

    ProfessionalProfile toProfile() {
        return new ProfessionalProfile(path, identifierType, identifier, profession, specialty, Boolean.TRUE.equals(liberal),
                PhoneNumbers.normalise(phone), PhoneNumbers.normalise(secondPhone), address.toAddress(), organisationName,
                serviceName, !Boolean.FALSE.equals(directoryVisible), !Boolean.FALSE.equals(paperless));
    }

    record AddressRequest(
            @NotBlank(message = "L'adresse est obligatoire.")
            @Size(max = 200, message = "L'adresse ne peut pas dépasser 200 caractères.")
            String line,

            @NotBlank(message = "Le code postal est obligatoire.")
            @Pattern(regexp = "[0-9]{5}", message = "Le code postal doit comporter 5 chiffres.")
            String postalCode,

            @NotBlank(message = "La ville est obligatoire.")
            @Size(max = 100, message = "La ville ne peut pas dépasser 100 caractères.")
            String city,

            @NotBlank(message = "La région est obligatoire.")
            @Pattern(regexp = "[0-9]{2}", message = "La région doit être un code INSEE de région à 2 chiffres (par exemple 76).")
            @UnknownRegion
            String region,

            @Pattern(regexp = "[0-9]{2,3}|2[AB]", message = "Le département doit être un code INSEE de département"
                    + " (par exemple 31, 2A ou 971).")
            String department) {

        AddressRequest {
            line = trim(line);
            postalCode = trim(postalCode);
            city = trim(city);
            region = trim(region);
            department = optional(department);
        }

        PostalAddress toAddress() {
            return new PostalAddress(line, postalCode, city, region, department);
        }
    }

    private static String trim(String text) {
        return text == null ? null : text.strip();
    }

    private static String optional(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
