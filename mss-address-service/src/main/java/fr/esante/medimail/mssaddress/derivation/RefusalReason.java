package fr.esante.medimail.mssaddress.derivation;

/** Why no address can be derived; the names are the stable codes of events and API problems. */
public enum RefusalReason {
    /** First or last name has no letter that can be written in an address. */
    NAME_NOT_REPRESENTABLE,
    /** The profession code is not in the profession table. */
    UNKNOWN_PROFESSION
}
