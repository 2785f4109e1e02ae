package fr.esante.medimail.registration.account;

import java.util.Objects;

/**
 * What the holder declares about their practice once their e-mail is confirmed. Input checks (formats,
 * lengths) happen at the edge; this value only guarantees what every later step relies on.
 */
public record ProfessionalProfile(ProfilePath path, IdentifierType identifierType, String identifier, String profession,
                                  String specialty, boolean liberal, String phone, String secondPhone,
                                  PostalAddress address, String organisationName, String serviceName,
                                  boolean directoryVisible, boolean paperless) {

    public ProfessionalProfile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(identifierType, "identifierType");
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(profession, "profession");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(address, "address");
        if (!path.accepts(identifierType)) {
            throw new IllegalArgumentException(identifierType + " is not an identifier of the path " + path);
        }
    }
}
