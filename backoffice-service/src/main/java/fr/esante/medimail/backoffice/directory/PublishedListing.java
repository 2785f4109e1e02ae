package fr.esante.medimail.backoffice.directory;

/** The entry last published for an account: under which address, and what it said ({@link DirectoryListing#fingerprint()}). */
public record PublishedListing(String mssAddress, String fingerprint) {
}
