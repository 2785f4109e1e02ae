package fr.esante.medimail.mssaddress.derivation;

import java.util.regex.Pattern;

/**
 * The two normalised components of a local part, {@code first.last}, and the local part each homonym rank
 * gets: rank 1 is {@code jean.durand}, rank 2 {@code jean.durand2}, rank 3 {@code jean.durand3}…
 *
 * <p>RFC 5321 caps a local part at 64 characters, suffix included, so a long name is shortened for the
 * space that is left, always in the same order: first name reduced to its first component, then last name
 * cut after a whole component, then a hard cut. A rank with a longer suffix can therefore be shortened
 * where rank 1 was not.
 */
public record AddressName(String firstName, String lastName) {

    public static final int MAX_LOCAL_PART_LENGTH = 64;

    private static final Pattern COMPONENTS = Pattern.compile("[a-z]+(-[a-z]+)*");

    public AddressName {
        if (firstName == null || !COMPONENTS.matcher(firstName).matches()
                || lastName == null || !COMPONENTS.matcher(lastName).matches()) {
            throw new IllegalArgumentException("Not normalised name components: " + firstName + " / " + lastName);
        }
    }

    /** The local part without homonym suffix: what a preview shows, and the key homonyms share. */
    public String stem() {
        return localPart(1);
    }

    public String localPart(int homonymRank) {
        if (homonymRank < 1) {
            throw new IllegalArgumentException("Homonym ranks start at 1, got " + homonymRank);
        }
        String suffix = homonymRank == 1 ? "" : Integer.toString(homonymRank);
        return fit(MAX_LOCAL_PART_LENGTH - suffix.length()) + suffix;
    }

    private String fit(int budget) {
        String first = firstName;
        if (first.length() + 1 + lastName.length() <= budget) {
            return first + "." + lastName;
        }
        first = firstComponent(first);
        if (first.length() + 1 + lastName.length() <= budget) {
            return first + "." + lastName;
        }
        String[] lastComponents = lastName.split("-");
        if (first.length() + 1 + lastComponents[0].length() <= budget) {
            StringBuilder last = new StringBuilder(lastComponents[0]);
            for (int i = 1; i < lastComponents.length
                    && first.length() + 1 + last.length() + 1 + lastComponents[i].length() <= budget; i++) {
                last.append('-').append(lastComponents[i]);
            }
            return first + "." + last;
        }
        // Only names no civil register holds get here (a single component of 50+ letters). Keep at least one
        // letter of the last name so the address still has both parts; the first name gives way if it must.
        String last = lastComponents[0].substring(0, Math.max(1, budget - 1 - first.length()));
        return first.substring(0, Math.min(first.length(), budget - 1 - last.length())) + "." + last;
    }

    private static String firstComponent(String name) {
        int hyphen = name.indexOf('-');
        return hyphen < 0 ? name : name.substring(0, hyphen);
    }
}
