package fr.esante.medimail.mssaddress.derivation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Properties of the derivation checked over thousands of generated names ({@link RandomNames}, hand-written
 * generators). Every assertion message carries the seed and the input, so a failure can be replayed.
 */
class DerivationProperties {

    private static final Pattern LOCAL_PART = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*\\.[a-z0-9]+(-[a-z0-9]+)*[0-9]*$");
    private static final Pattern NORMALISED = Pattern.compile("[a-z]+(-[a-z]+)*");

    private final AddressDerivation derivation = TreG15.derivation();
    private final RandomNames names = new RandomNames();
    private final List<String> professions = new ArrayList<>(TreG15.ACTIVE_PROFESSIONS.keySet());

    @Test
    @DisplayName("every local part matches the address syntax and fits in 64 characters, whatever the homonym rank")
    void everyLocalPartIsValid() {
        int derived = 0;
        for (int i = 0; i < 4000; i++) {
            String firstName = names.name();
            String lastName = names.name();
            int rank = names.rank();
            if (derivation.derive(firstName, lastName, names.profession(professions)) instanceof Derivation.Derived result) {
                derived++;
                MssAddress address = result.address(rank);
                assertThat(address.localPart()).as(input(firstName, lastName, rank))
                        .matches(LOCAL_PART).hasSizeLessThanOrEqualTo(AddressName.MAX_LOCAL_PART_LENGTH);
                assertThat(address.domain()).endsWith(".oc.mssante.fr");
            }
        }
        assertThat(derived).as("the generator must produce derivable names, seed " + names.seed).isGreaterThan(1000);
    }

    @Test
    @DisplayName("the same input always derives the same result")
    void derivationIsStable() {
        for (int i = 0; i < 1000; i++) {
            String firstName = names.name();
            String lastName = names.name();
            String profession = names.profession(professions);
            int rank = names.rank();
            Derivation once = derivation.derive(firstName, lastName, profession);
            Derivation again = TreG15.derivation().derive(firstName, lastName, profession);

            assertThat(again).as(input(firstName, lastName, rank)).isEqualTo(once);
            if (once instanceof Derivation.Derived derived) {
                assertThat(derived.address(rank)).isEqualTo(((Derivation.Derived) again).address(rank));
            }
        }
    }

    @Test
    @DisplayName("normalising gives hyphen-separated lowercase ASCII letters, and normalising again changes nothing")
    void normalisationIsCanonical() {
        for (int i = 0; i < 4000; i++) {
            String name = names.name();
            String normalised = NameNormaliser.normalise(name);

            assertThat(normalised.isEmpty() || NORMALISED.matcher(normalised).matches()).as(input(name, "", 0) + " → " + normalised).isTrue();
            assertThat(NameNormaliser.normalise(normalised)).as(input(name, "", 0)).isEqualTo(normalised);
        }
    }

    @Test
    @DisplayName("a name is refused exactly when one of its parts normalises to nothing")
    void refusalsAreExactlyTheEmptyNames() {
        for (int i = 0; i < 2000; i++) {
            String firstName = names.name();
            String lastName = names.name();
            Derivation result = derivation.derive(firstName, lastName, "10");

            boolean representable = !NameNormaliser.normalise(firstName).isEmpty() && !NameNormaliser.normalise(lastName).isEmpty();
            if (representable) {
                assertThat(result).as(input(firstName, lastName, 1)).isInstanceOf(Derivation.Derived.class);
            } else {
                assertThat(result).as(input(firstName, lastName, 1)).isInstanceOfSatisfying(Derivation.Refused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(RefusalReason.NAME_NOT_REPRESENTABLE));
            }
        }
    }

    @Test
    @DisplayName("two homonym ranks of one name never give the same local part")
    void ranksNeverCollide() {
        for (int i = 0; i < 2000; i++) {
            String firstName = names.name();
            String lastName = names.name();
            int rank = names.rank();
            int otherRank = names.rank();
            if (rank != otherRank && derivation.derive(firstName, lastName, "10") instanceof Derivation.Derived derived) {
                assertThat(derived.address(rank)).as(input(firstName, lastName, rank) + " vs rank " + otherRank)
                        .isNotEqualTo(derived.address(otherRank));
            }
        }
    }

    @Test
    @DisplayName("rank 1 has no digit; rank n ends with n after a letter")
    void theSuffixIsTheRank() {
        for (int i = 0; i < 2000; i++) {
            String firstName = names.name();
            String lastName = names.name();
            int rank = names.rankAbove(2, 1_000_000);
            if (derivation.derive(firstName, lastName, "10") instanceof Derivation.Derived derived) {
                assertThat(derived.firstChoice().localPart()).as(input(firstName, lastName, 1)).doesNotContainPattern("[0-9]");
                assertThat(derived.address(rank).localPart()).as(input(firstName, lastName, rank)).matches(".*[a-z]" + rank);
            }
        }
    }

    @Test
    @DisplayName("a name that fits is kept whole")
    void shortNamesAreNotShortened() {
        int checked = 0;
        for (int i = 0; i < 2000; i++) {
            String first = NameNormaliser.normalise(names.name());
            String last = NameNormaliser.normalise(names.name());
            if (!first.isEmpty() && !last.isEmpty() && first.length() + 1 + last.length() <= 64) {
                checked++;
                assertThat(new AddressName(first, last).stem()).as(input(first, last, 1)).isEqualTo(first + "." + last);
            }
        }
        assertThat(checked).as("seed " + names.seed).isGreaterThan(100);
    }

    private String input(String firstName, String lastName, int rank) {
        return "seed " + names.seed + ", firstName=\"" + firstName + "\", lastName=\"" + lastName + "\", rank " + rank;
    }
}
