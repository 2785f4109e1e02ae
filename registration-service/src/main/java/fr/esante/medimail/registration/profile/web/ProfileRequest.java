package fr.esante.medimail.registration.profile.web;

import fr.esante.medimail.registration.account.IdentifierType;
import fr.esante.medimail.registration.account.PostalAddress;
import fr.esante.medimail.registration.account.ProfessionalProfile;
import fr.esante.medimail.registration.account.ProfilePath;
import fr.esante.medimail.registration.profile.ContactDetailsRules;
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
        @NotNull(message = "{profile.path.required}")
        ProfilePath path,

        @NotNull(message = "{profile.identifier-type.required}")
        IdentifierType identifierType,

        @NotBlank(message = "L'identifiant est obligatoire.")
        @Size(max = 20, message = "{profile.identifier.too-long}")
        String identifier,

        @NotBlank(message = "{profile.profession.required}")
        @UnknownProfession
        String profession,

        @Size(max = 10, message = "{profile.specialty.too-long}")
        @Pattern(regexp = "[A-Z]{1,4}[0-9]{2,3}", message = "{profile.specialty.format}")
        String specialty,

        Boolean liberal,

        @NotBlank(message = "{profile.phone.required}")
        @Size(max = ContactDetailsRules.MAX_PHONE_LENGTH, message = "{profile.phone.too-long}")
        @Pattern(regexp = ContactDetailsRules.PHONE, message = "{profile.phone.format}")
        String phone,

        @Size(max = ContactDetailsRules.MAX_PHONE_LENGTH, message = "{profile.second-phone.too-long}")
        @Pattern(regexp = ContactDetailsRules.PHONE, message = "{profile.second-phone.format}")
        String secondPhone,

        @NotNull(message = "{profile.address.required}")
        @Valid
        AddressRequest address,

        @Size(max = 200, message = "{profile.organisation-name.too-long}")
        String organisationName,

        @Size(max = 200, message = "{profile.service-name.too-long}")
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
            @Size(max = ContactDetailsRules.MAX_LINE_LENGTH, message = "{profile.line.too-long}")
            String line,

            @NotBlank(message = "{profile.postal-code.required}")
            @Pattern(regexp = ContactDetailsRules.POSTAL_CODE, message = "Le code postal doit comporter 5 chiffres.")
            String postalCode,

            @NotBlank(message = "{profile.city.required}")
            @Size(max = ContactDetailsRules.MAX_CITY_LENGTH, message = "{profile.city.too-long}")
            String city,

            @NotBlank(message = "{profile.region.required}")
            @Pattern(regexp = ContactDetailsRules.REGION, message = "{profile.region.format}")
            @UnknownRegion
            String region,

            @Pattern(regexp = ContactDetailsRules.DEPARTMENT, message = "{profile.department.format}")
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
