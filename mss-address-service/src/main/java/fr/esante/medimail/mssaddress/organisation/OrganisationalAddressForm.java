package fr.esante.medimail.mssaddress.organisation;

import java.util.Locale;

import fr.esante.medimail.mssaddress.derivation.MssAddress;
import fr.esante.medimail.mssaddress.derivation.NameNormaliser;

/**
 * The form of an organisational (ORG) mailbox address: {@code <label>@<type>-<identifier>.<region>.mssante.fr},
 * e.g. {@code secretariat-cardiologie@finess-010780195.oc.mssante.fr}.
 *
 * <ul>
 * <li>The domain names the structure by its identifier, lowercased type first ({@code finess-}, {@code siret-}):
 * unique per structure, stable (a structure's name changes, its number does not), and never equal to a
 * profession domain of personal mailboxes, which are words ({@code medecin}, {@code infirmier}…), so an ORG
 * address can never collide with a PER/INT address.</li>
 * <li>The local part is the label normalised like a name (accents removed, spaces to hyphens, apostrophes
 * dropped); a label with no usable letter gets {@code contact}.</li>
 * <li>At most 64 characters with the homonym suffix: the label is cut after a whole hyphen-separated word when
 * possible, then hard-cut. Two requests with the same label for the same structure get {@code label},
 * {@code label2}, {@code label3}…</li>
 * </ul>
 * Pure: the same input always gives the same address.
 */
public final class OrganisationalAddressForm {

    public static final int MAX_LOCAL_PART_LENGTH = 64;
    /** Local part of a label that normalises to nothing (only digits, symbols or other scripts). */
    static final String FALLBACK_LOCAL_PART = "contact";

    private final String region;

    public OrganisationalAddressForm(String region) {
        this.region = NameNormaliser.normalise(region);
        if (this.region.isEmpty()) {
            throw new IllegalArgumentException("Region part of MSSante domains missing");
        }
    }

    /** The local part shared by every rank (what homonyms are counted on). */
    public String stem(String label) {
        String normalised = NameNormaliser.normalise(label);
        return normalised.isEmpty() ? FALLBACK_LOCAL_PART : normalised;
    }

    public String domain(String structureIdentifierType, String structureIdentifier) {
        String type = structureIdentifierType.strip().toLowerCase(Locale.ROOT);
        String identifier = structureIdentifier.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return type + "-" + identifier + "." + region + ".mssante.fr";
    }

    public MssAddress address(String label, String structureIdentifierType, String structureIdentifier, int rank) {
        if (rank < 1) {
            throw new IllegalArgumentException("Ranks start at 1, got " + rank);
        }
        String suffix = rank == 1 ? "" : Integer.toString(rank);
        return new MssAddress(fit(stem(label), MAX_LOCAL_PART_LENGTH - suffix.length()) + suffix,
                domain(structureIdentifierType, structureIdentifier));
    }

    private static String fit(String stem, int budget) {
        if (stem.length() <= budget) {
            return stem;
        }
        int cut = stem.lastIndexOf('-', budget);
        // Keep whole words when at least one fits; otherwise a hard cut (never ending on a hyphen).
        String kept = cut > 0 ? stem.substring(0, cut) : stem.substring(0, budget);
        while (kept.endsWith("-")) {
            kept = kept.substring(0, kept.length() - 1);
        }
        return kept;
    }
}
