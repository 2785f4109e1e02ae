package fr.esante.medimail.registration.profile.web;

import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import fr.esante.medimail.registration.account.AuthenticatedAccount;
import fr.esante.medimail.registration.account.ProfessionalProfile;
import fr.esante.medimail.registration.profile.ContactChange;
import fr.esante.medimail.registration.profile.ContactDetailsRules;
import fr.esante.medimail.registration.profile.PhoneNumbers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * PATCH /api/v1/me/contact (Bearer, validated accounts): any of {@code phone}, {@code secondPhone}, {@code address}
 * (whole), {@code directoryVisible}, {@code paperless}; absent or null fields stay as they are, an empty
 * {@code secondPhone} removes it. 200 with the new profile.
 */
@RestController
class ContactController {

    private final ContactChange change;

    ContactController(ContactChange change) {
        this.change = change;
    }

    @PatchMapping("/api/v1/me/contact")
    ProfileJson change(AuthenticatedAccount authenticated, @Valid @RequestBody ContactRequest request) {
        ProfessionalProfile changed = change.change(authenticated.accountId(), new ContactChange.ContactPatch(
                PhoneNumbers.normalise(request.phone()),
                request.secondPhone() == null || request.secondPhone().isBlank() ? null
                        : PhoneNumbers.normalise(request.secondPhone()),
                request.secondPhone() != null && request.secondPhone().isBlank(),
                request.address() == null ? null : request.address().toAddress(),
                request.directoryVisible(), request.paperless()));
        return ProfileJson.of(changed);
    }

    record ContactRequest(
            @Size(max = ContactDetailsRules.MAX_PHONE_LENGTH, message = "{profile.phone.too-long}")
            @Pattern(regexp = ContactDetailsRules.PHONE, message = "{profile.phone.format}")
            String phone,

            @Size(max = ContactDetailsRules.MAX_PHONE_LENGTH, message = "{profile.second-phone.too-long}")
            @Pattern(regexp = "|" + ContactDetailsRules.PHONE, message = "{profile.second-phone.format}")
            String secondPhone,

            @Valid
            ProfileRequest.AddressRequest address,

            Boolean directoryVisible,

            Boolean paperless) {

        ContactRequest {
            phone = phone == null ? null : phone.strip();
            secondPhone = secondPhone == null ? null : secondPhone.strip();
        }
    }

    /** The profile after the change, as GET /api/v1/me shows it. */
    record ProfileJson(String path, String identifierType, String identifier, String profession, String specialty,
                       boolean liberal, String phone, String secondPhone, AddressJson address, String organisationName,
                       String serviceName, boolean directoryVisible, boolean paperless) {

        static ProfileJson of(ProfessionalProfile p) {
            return new ProfileJson(p.path().name(), p.identifierType().name(), p.identifier(), p.profession(),
                    p.specialty(), p.liberal(), p.phone(), p.secondPhone(),
                    new AddressJson(p.address().line(), p.address().postalCode(), p.address().city(),
                            p.address().region(), p.address().department()),
                    p.organisationName(), p.serviceName(), p.directoryVisible(), p.paperless());
        }
    }

    record AddressJson(String line, String postalCode, String city, String region, String department) {
    }
}
