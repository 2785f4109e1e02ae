package fr.esante.medimail.identity.directory;

/** A structure known to the directory through the activities practised there. */
public record Structure(String finess, boolean site, String name, String siret, String postalCode, String city) {
}
