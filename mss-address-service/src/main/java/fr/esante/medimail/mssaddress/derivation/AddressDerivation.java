package fr.esante.medimail.mssaddress.derivation;

import java.util.Objects;

/**
 * Derives the MSSanté address of a professional from the declared names and the profession: the local part
 * from {@link NameNormaliser} and {@link AddressName}, the domain from {@link ProfessionDomains}. Pure: the
 * same input always gives the same result, and nothing is reserved.
 */
public final class AddressDerivation {

    private final ProfessionDomains domains;
    private final RefusalExplanations explanations;

    public AddressDerivation(ProfessionDomains domains, RefusalExplanations explanations) {
        this.domains = Objects.requireNonNull(domains);
        this.explanations = Objects.requireNonNull(explanations);
    }

    public Derivation derive(String firstName, String lastName, String professionCode) {
        String first = NameNormaliser.normalise(firstName);
        if (first.isEmpty()) {
            return refused(RefusalReason.NAME_NOT_REPRESENTABLE, "firstName", firstName);
        }
        String last = NameNormaliser.normalise(lastName);
        if (last.isEmpty()) {
            return refused(RefusalReason.NAME_NOT_REPRESENTABLE, "lastName", lastName);
        }
        return domains.domainFor(professionCode)
                .<Derivation>map(domain -> new Derivation.Derived(new AddressName(first, last), domain))
                .orElseGet(() -> refused(RefusalReason.UNKNOWN_PROFESSION, "profession", professionCode));
    }

    private Derivation.Refused refused(RefusalReason reason, String field, String value) {
        return new Derivation.Refused(reason, field, explanations.explain(reason, field, display(value)));
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
