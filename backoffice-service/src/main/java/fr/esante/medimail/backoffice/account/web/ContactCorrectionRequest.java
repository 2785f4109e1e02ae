package fr.esante.medimail.backoffice.account.web;

import fr.esante.medimail.backoffice.account.ContactCorrection;
import fr.esante.medimail.backoffice.applicant.PostalAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of a staff correction of contact details (API and page form alike): any of {@code phone}, {@code secondPhone}
 * (empty: removed), {@code address} (whole); absent fields stay as they are. registration-service owns contact details
 * and the rules on them (its {@code ContactDetailsRules}: French phone numbers, postal code, INSEE codes): this checks
 * only what the back office needs to record the request (a whole address, lengths its audit trail can hold) and trims.
 * A correction the rules refuse comes back as StaffCorrectionRefused, shown in the account's history.
 */
record ContactCorrectionRequest(
        @Size(max = ContactCorrection.MAX_PHONE_LENGTH, message = "{account.phone.too-long}")
        String phone,

        @Size(max = ContactCorrection.MAX_PHONE_LENGTH, message = "{account.second-phone.too-long}")
        String secondPhone,

        @Valid
        AddressRequest address) {

    ContactCorrectionRequest {
        phone = phone == null || phone.isBlank() ? null : phone.strip();
        secondPhone = secondPhone == null ? null : secondPhone.strip();
    }

    ContactCorrection toCorrection() {
        boolean removeSecondPhone = secondPhone != null && secondPhone.isEmpty();
        return new ContactCorrection(phone, removeSecondPhone ? null : secondPhone, removeSecondPhone,
                address == null ? null : address.toAddress());
    }

    record AddressRequest(
            @NotBlank(message = "L'adresse est obligatoire.")
            @Size(max = ContactCorrection.MAX_ADDRESS_FIELD_LENGTH, message = "{account.line.too-long}")
            String line,

            @NotBlank(message = "{account.postal-code.required}")
            @Size(max = ContactCorrection.MAX_ADDRESS_FIELD_LENGTH, message = "{account.postal-code.too-long}")
            String postalCode,

            @NotBlank(message = "{account.city.required}")
            @Size(max = ContactCorrection.MAX_ADDRESS_FIELD_LENGTH, message = "{account.city.too-long}")
            String city,

            @NotBlank(message = "{account.region.required}")
            @Size(max = ContactCorrection.MAX_ADDRESS_FIELD_LENGTH, message = "{account.region.too-long}")
            String region,

            @Size(max = ContactCorrection.MAX_ADDRESS_FIELD_LENGTH, message = "{account.department.too-long}")
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
