package fr.esante.medimail.identity.operators;

/** The roles operator accounts may hold. */
public final class OperatorRoles {

    /** May read the identity decisions with their evidence and start or follow directory imports. */
    public static final String OPERATOR = "OPERATOR";

    private OperatorRoles() {
    }
}
