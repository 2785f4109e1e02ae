package fr.esante.medimail.mssaddress.derivation;

import java.util.Objects;

/**
 * Derives the MSSanté address of a professional from the declared names and the profession: the local part
 * from {@link NameNormaliser} and {@link AddressName}, the domain from {@link ProfessionDomains}. Pure: the
 * same input always gives the same result, and nothing is reserved.
 */
public final class AddressDerivation {

    private final ProfessionDomains domains;

    public AddressDerivation(ProfessionDomains domains) {
        this.domains = Objects.requireNonNull(domains);
    }

    public Derivation derive(String firstName, String lastName, String professionCode) {
        String first = NameNormaliser.normalise(firstName);
        if (first.isEmpty()) {
            return new Derivation.Refused(RefusalReason.NAME_NOT_REPRESENTABLE, "firstName",
                    "Le prénom « " + display(firstName) + " » ne contient aucune lettre utilisable dans une adresse MSSanté.");
        }
        String last = NameNormaliser.normalise(lastName);
        if (last.isEmpty()) {
            return new Derivation.Refused(RefusalReason.NAME_NOT_REPRESENTABLE, "lastName",
                    "Le nom « " + display(lastName) + " » ne contient aucune lettre utilisable dans une adresse MSSanté.");
        }
        return domains.domainFor(professionCode)
                .<Derivation>map(domain -> new Derivation.Derived(new AddressName(first, last), domain))
                .orElseGet(() -> new Derivation.Refused(RefusalReason.UNKNOWN_PROFESSION, "profession",
                        "Le code profession « " + display(professionCode)
                                + " » ne correspond à aucune profession de santé ouvrant droit à une adresse MSSanté."));
    }

    private static String display(String value) {
        if (value == null) {
            return "";
        }
        // The value ends up in a log line, an event and a web page: keep it short and on one line.
        String oneLine = value.replaceAll("\\p{Cntrl}", " ").strip();
        return oneLine.length() > 100 ? oneLine.substring(0, 100) + "…" : oneLine;
    }
}
