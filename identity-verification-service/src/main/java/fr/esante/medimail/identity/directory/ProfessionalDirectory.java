package fr.esante.medimail.identity.directory;

import fr.esante.medimail.identity.identifiers.IdentifierType;

/** Finds a professional by RPPS or ADELI (port: the imported directory and the live FHIR API implement it). */
public interface ProfessionalDirectory {

    /** Never throws for an unreachable or broken directory: that is an {@link DirectoryAnswer.Unavailable}. */
    DirectoryAnswer findProfessional(IdentifierType type, String identifier);
}
