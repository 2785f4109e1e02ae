package fr.esante.medimail.mssaddress.derivation;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Which MSSanté domain each profession (TRE_G15 code) gets: {@code <profession label>.<region>.mssante.fr},
 * e.g. {@code medecin.oc.mssante.fr}. The table comes from configuration; it is checked here once, at
 * start-up, so that a typo fails the deployment instead of producing addresses on a domain nobody serves.
 */
public final class ProfessionDomains {

    public static final String MSSANTE_ZONE = "mssante.fr";

    /** One DNS label, written the way names are normalised (RFC 1035 caps a label at 63 characters). */
    private static final Pattern DNS_LABEL = Pattern.compile("(?=.{1,63}$)[a-z0-9]+(-[a-z0-9]+)*");

    private final Map<String, String> domainsByProfession;

    public ProfessionDomains(Map<String, String> labelsByProfession, String region) {
        Objects.requireNonNull(labelsByProfession, "the profession table is required");
        if (region == null || !DNS_LABEL.matcher(region).matches()) {
            throw new IllegalArgumentException("The region part of MSSante domains must be one lowercase DNS label, got '"
                    + region + "'");
        }
        if (labelsByProfession.isEmpty()) {
            throw new IllegalArgumentException("The profession table is empty: no MSSante address could be derived");
        }
        Map<String, String> domains = new TreeMap<>();
        labelsByProfession.forEach((code, label) -> {
            if (code == null || code.isBlank()) {
                throw new IllegalArgumentException("Blank profession code in the profession table");
            }
            if (label == null || !DNS_LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("Profession " + code + " has label '" + label
                        + "', not one lowercase DNS label");
            }
            domains.put(code.trim(), label + "." + region + "." + MSSANTE_ZONE);
        });
        this.domainsByProfession = Map.copyOf(domains);
    }

    public Optional<String> domainFor(String professionCode) {
        return professionCode == null ? Optional.empty()
                : Optional.ofNullable(domainsByProfession.get(professionCode.trim()));
    }

    /** Every profession code with its domain, by code. */
    public Map<String, String> all() {
        return new TreeMap<>(domainsByProfession);
    }
}
