package fr.esante.medimail.pscstandin;

/** Names of PSC's own claims (the rest are standard OpenID Connect). */
final class PscClaims {
    static final String SUBJECT_NAME_ID = "SubjectNameID";
    static final String SUBJECT_REF_PRO = "SubjectRefPro";

    private PscClaims() {
    }
}
