package fr.esante.medimail.backoffice.account.web;

import fr.esante.medimail.backoffice.account.ContactCorrection;
import fr.esante.medimail.backoffice.applicant.PostalAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of a staff correction of contact details (API and page form alike): any of {@code phone}, {@code secondPhone}
 * (empty: removed), {@code address} (whole); absent fields stay as they are. The rules are those the holder's own
 * change follows in registration-service, with the same French messages.
 */
record ContactCorrectionRequest(
        @Size(max = 25, message = "Le numéro de téléphone est trop long.")
        @Pattern(regexp = FrenchPhoneNumbers.FRENCH, message = "Le numéro de téléphone n'est pas un numéro français valide"
                + " (par exemple 05 61 00 00 00).")
        String phone,

        @Size(max = 25, message = "Le second numéro de téléphone est trop long.")
        @Pattern(regexp = "|" + FrenchPhoneNumbers.FRENCH, message = "Le second numéro de téléphone n'est pas un numéro"
                + " français valide (par exemple 06 12 34 56 78).")
        String secondPhone,

        @Valid
        AddressRequest address) {

    ContactCorrectionRequest {
        phone = phone == null || phone.isBlank() ? null : phone.strip();
        secondPhone = secondPhone == null ? null : secondPhone.strip();
    }

    ContactCorrection toCorrection() {
        boolean removeSecondPhone = secondPhone != null && secondPhone.isEmpty();
        return new ContactCorrection(FrenchPhoneNumbers.normalise(phone),
                removeSecondPhone ? null : FrenchPhoneNumbers.normalise(secondPhone), removeSecondPhone,
                address == null ? null : address.toAddress());
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
            String region,

            @Pattern(regexp = "[0-9]{2,3}|2[AB]", message = "Le département doit être un code INSEE de département"
                    + " (par exemple 31, 2A ou 971).")
            String department) {

        AddressRequest {
            line = line == null ? null : line.strip();
            postalCode = postalCode == null ? null : postalCode.strip();
            city = city == null ? null : city.strip();
            region = region == null ? null : region.strip();
            department = department == null || department.isBlank() ? null : department.strip();
        }

        PostalAddress toAddress() {
            return new PostalAddress(line, postalCode, city, region, department);
        }
    }
}
