package fr.esante.medimail.identity.directory;

/** Which directory answered; the values are the {@code source} of IdentityVerified and of stored decisions. */
public enum DirectorySource {
    /** The Annuaire Santé FHIR API, consulted at decision time. */
    LIVE_DIRECTORY,
    /** The last extraction file imported into this service. */
    IMPORTED_DIRECTORY
}
