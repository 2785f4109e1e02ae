package fr.esante.medimail.identity.decision;

public enum Outcome {
    VERIFIED,
    REJECTED,
    /**
     * A near miss a person should look at. No event says so yet: it is published as IdentityRejected
     * NAME_MISMATCH and kept here, so that the cases can be found once manual review exists.
     */
    MANUAL_REVIEW
}
