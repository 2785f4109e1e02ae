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
        @Size(max = 25, message = "{account.phone.too-long}")
        @Pattern(regexp = FrenchPhoneNumbers.FRENCH, message = "{account.phone.format}")
        String phone,

        @Size(max = 25, message = "{account.second-phone.too-long}")
        @Pattern(regexp = "|" + FrenchPhoneNumbers.FRENCH, message = "{account.second-phone.format}")
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
            @Size(max = 200, message = "{account.line.too-long}")
            String line,

            @NotBlank(message = "{account.postal-code.required}")
            @Pattern(regexp = "[0-9]{5}", message = "Le code postal doit comporter 5 chiffres.")
            String postalCode,

            @NotBlank(message = "{account.city.required}")
            @Size(max = 100, message = "{account.city.too-long}")
            String city,

            @NotBlank(message = "{account.region.required}")
            @Pattern(regexp = "[0-9]{2}", message = "{account.region.format}")
            String region,

            @Pattern(regexp = "[0-9]{2,3}|2[AB]", message = "{account.department.format}")
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
