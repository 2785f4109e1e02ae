package fr.esante.medimail.registration.account;

import java.util.EnumSet;
import java.util.Set;

/** How the holder proves they are a health professional, and which identifiers each way accepts. */
public enum ProfilePath {
    /** A national professional identifier: RPPS (or ADELI, being phased out). Leads to a PER mailbox. */
    NATIONAL_ID(EnumSet.of(IdentifierType.RPPS, IdentifierType.ADELI)),
    /** A foreign professional or one in training, attached to a structure. Leads to an INT mailbox. */
    FOREIGN_OR_IN_TRAINING(EnumSet.of(IdentifierType.FINESS, IdentifierType.SIREN, IdentifierType.SIRET));

    private final Set<IdentifierType> identifierTypes;

    ProfilePath(Set<IdentifierType> identifierTypes) {
        this.identifierTypes = identifierTypes;
    }

    public boolean accepts(IdentifierType type) {
        return identifierTypes.contains(type);
    }
}
