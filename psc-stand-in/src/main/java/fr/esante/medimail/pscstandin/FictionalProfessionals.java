package fr.esante.medimail.pscstandin;

import java.util.List;
import java.util.Optional;

/**
 * The people one may pick on the stand-in's page: those of test-identities.md (the directory sample also knows them),
 * plus a few of the 9980004… range kept for the PSC tests. Nobody here exists.
 */
public final class FictionalProfessionals {

    public static final List<FictionalProfessional> ALL = List.of(
            new FictionalProfessional("99800000012", "M", "DURAND", "Jean", "10", "SM54", "L", null),
            new FictionalProfessional("99800000020", "MME", "DUPONT-MARTIN", "Marie-Hélène", "21", null, "S", null),
            new FictionalProfessional("99800000038", "M", "LE GALL", "Yves", "60", null, "S", null),
            new FictionalProfessional("99800000046", "MME", "D'ARCY", "Élodie", "70", null, "L", null),
            new FictionalProfessional("99800000053", "M", "DURAND", "Jean", "21", null, "S", null),
            new FictionalProfessional("99800000061", "M", "DURAND", "Jean", "10", "SM59", "S", null),
            new FictionalProfessional("99800000087", "M", "ŒUVRAY", "François", "40", null, "L", null),
            new FictionalProfessional("99800000095", "MME", "BENOÎT", "Anne-Sophie", "50", null, "S", null),
            // Kept for the PSC tests (test-identities.md ranges): no directory row needed, PSC vouches for them.
            new FictionalProfessional("99800040109", "MME", "FONTAINE", "Claire", "10", "SM54", "L", null),
            new FictionalProfessional("99800040208", "M", "MOREAU", "Luc", "60", null, "L", "luc.moreau@example.org"),
            new FictionalProfessional("99800040307", "MME", "GIRARD", "Inès", "70", null, "L", null),
            new FictionalProfessional("99800040406", "M", "ROUSSEL", "Hugo", "10", "SM54", "L", null),
            new FictionalProfessional("99800040505", "MME", "PERRIN", "Lou", "50", null, "S", null),
            new FictionalProfessional("99800040604", "M", "GARNIER", "Théo", "40", null, "L", null));

    private FictionalProfessionals() {
    }

    /** Looks a person up by the national id ("8" + RPPS) used as their user name here. */
    public static Optional<FictionalProfessional> byNationalId(String nationalId) {
        return ALL.stream().filter(p -> p.nationalId().equals(nationalId)).findFirst();
    }
}
