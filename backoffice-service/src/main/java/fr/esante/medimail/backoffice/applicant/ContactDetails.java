package fr.esante.medimail.backoffice.applicant;

import java.time.Instant;
import java.util.Objects;

/**
 * The contact details, directory visibility and paperless choice of a validated account, as changed after the
 * validation by its holder (or staff on their behalf). They replace those of the profile when newer.
 */
public record ContactDetails(String phone, String secondPhone, PostalAddress address, boolean directoryVisible,
                             boolean paperless, Instant changedAt) {

    public ContactDetails {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(changedAt, "changedAt");
    }
}
