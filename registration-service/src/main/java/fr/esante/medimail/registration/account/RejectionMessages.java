package fr.esante.medimail.registration.account;

import java.util.Map;

/**
 * The French message shown to the holder for each refusal code sent by the other services. Their own
 * {@code detail} is English and meant for staff; it is never shown to users, except the reviewer's text of an
 * identity refused by the centre de services (REJECTED_BY_REVIEWER), written in French for the holder.
 */
public final class RejectionMessages {

    private static final String CORRECT_AND_RESUBMIT = " Corrigez votre profil professionnel puis soumettez-le à nouveau.";

    private static final Map<String, String> IDENTITY = Map.ofEntries(
            Map.entry("INVALID_CHECK_DIGIT", "Le numéro d'identification saisi n'est pas valide : sa clé de contrôle est incorrecte."
                    + CORRECT_AND_RESUBMIT),
            Map.entry("WRONG_LENGTH", "Le numéro d'identification saisi n'a pas le bon nombre de chiffres (11 pour un RPPS, "
                    + "9 pour un ADELI, un FINESS ou un SIREN, 14 pour un SIRET)." + CORRECT_AND_RESUBMIT),
            Map.entry("NOT_DIGITS", "Le numéro d'identification saisi ne doit comporter que des chiffres." + CORRECT_AND_RESUBMIT),
            Map.entry("INVALID_DEPARTMENT", "Le numéro FINESS saisi ne commence pas par un code de département valide."
                    + CORRECT_AND_RESUBMIT),
            Map.entry("UNKNOWN_TYPE", "Le type d'identifiant choisi n'est pas reconnu : choisissez RPPS ou ADELI (identifiant"
                    + " national), ou FINESS, SIREN ou SIRET (structure de rattachement)." + CORRECT_AND_RESUBMIT),
            Map.entry("UNKNOWN_PATH", "Indiquez si vous disposez d'un identifiant national (RPPS ou ADELI) ou si vous exercez"
                    + " à l'étranger ou êtes en formation." + CORRECT_AND_RESUBMIT),
            Map.entry("IDENTIFIER_TYPE_NOT_ALLOWED", "Ce type d'identifiant ne correspond pas à votre situation : un RPPS ou"
                    + " un ADELI avec un identifiant national, un FINESS, un SIREN ou un SIRET si vous exercez à l'étranger"
                    + " ou êtes en formation." + CORRECT_AND_RESUBMIT),
            Map.entry("NOT_FOUND", "Aucun professionnel de santé ne correspond à ce numéro dans l'annuaire santé national."
                    + " Vérifiez le numéro saisi puis soumettez à nouveau votre profil professionnel."),
            Map.entry("INACTIVE", "Ce numéro correspond, dans l'annuaire santé national, à une activité qui n'est plus en cours."
                    + " Contactez le centre de services si votre situation a changé."),
            Map.entry("NAME_MISMATCH", "Vos nom et prénom ne correspondent pas à ceux que l'annuaire santé national associe à ce numéro."
                    + " Vérifiez le numéro saisi, ou contactez le centre de services si votre nom doit être corrigé."),
            Map.entry("PROFESSION_MISMATCH", "La profession choisie ne correspond pas à celle que l'annuaire santé national associe"
                    + " à ce numéro." + CORRECT_AND_RESUBMIT),
            Map.entry("STRUCTURE_NOT_FOUND", "L'identifiant de structure saisi (FINESS, SIREN ou SIRET) ne correspond à aucune"
                    + " structure connue." + CORRECT_AND_RESUBMIT),
            // Never names the other account: whoever holds it can recover it, anyone else must ask the service desk.
            Map.entry("IDENTIFIER_ALREADY_REGISTERED", "Ce numéro RPPS ou ADELI est déjà associé à un compte Medimail actif."
                    + " Si ce compte est le vôtre, connectez-vous avec l'adresse e-mail utilisée lors de son inscription ;"
                    + " en cas d'oubli, utilisez « Mot de passe oublié ». Sinon, contactez le centre de services au"
                    + " 0 820 250 035."),
            Map.entry("DIRECTORY_UNAVAILABLE", "L'annuaire santé national n'a pas pu être consulté pour vérifier votre identité."
                    + " Soumettez à nouveau votre profil professionnel un peu plus tard, ou contactez le centre de services."));

    /** An identity refused by a member of the centre de services; their own words follow when the event carries them. */
    private static final String IDENTITY_REFUSED_BY_REVIEWER = "Le centre de services n'a pas pu confirmer votre identité"
            + " professionnelle.";
    private static final String IDENTITY_REFUSED_NEXT_STEP = " Corrigez votre profil professionnel puis soumettez-le à"
            + " nouveau, ou contactez le centre de services.";
    /** Keeps the message within the stored rejection (2000 characters); reviewers write at most 1000. */
    private static final int MAX_REVIEWER_TEXT = 1000;

    private static final String IDENTITY_FALLBACK = "Votre identité professionnelle n'a pas pu être vérifiée."
            + " Vérifiez les informations saisies puis soumettez à nouveau votre profil professionnel,"
            + " ou contactez le centre de services.";

    private static final Map<String, String> ADDRESS = Map.of(
            "NAME_NOT_REPRESENTABLE", "Aucune adresse de messagerie sécurisée de santé ne peut être formée à partir de"
                    + " vos nom et prénom. Contactez le centre de services pour poursuivre votre inscription.",
            "UNKNOWN_PROFESSION", "Votre profession ne permet pas d'attribuer une adresse de messagerie sécurisée de santé"
                    + " Medimail. Contactez le centre de services pour en savoir plus.");

    private static final String ADDRESS_FALLBACK = "Aucune adresse de messagerie sécurisée de santé n'a pu vous être"
            + " attribuée. Contactez le centre de services.";

    /** Code of a rejection decided by back-office staff; the message is then the reviewer's own text. */
    public static final String REJECTED_BY_REVIEWER = "REJECTED_BY_REVIEWER";

    private RejectionMessages() {
    }

    public static Rejection identityRejected(String code) {
        return identityRejected(code, null);
    }

    /**
     * @param detail the event's detail: English and for staff, never shown, except for {@value #REJECTED_BY_REVIEWER}
     *               where identity-verification-service carries the reviewer's French text for the holder
     */
    public static Rejection identityRejected(String code, String detail) {
        if (REJECTED_BY_REVIEWER.equals(code)) {
            String reviewerText = detail == null || detail.isBlank() ? null : detail.strip();
            if (reviewerText != null && reviewerText.length() > MAX_REVIEWER_TEXT) {
                reviewerText = reviewerText.substring(0, MAX_REVIEWER_TEXT) + "…";
            }
            return new Rejection(code, IDENTITY_REFUSED_BY_REVIEWER
                    + (reviewerText == null ? "" : " Motif : " + reviewerText) + IDENTITY_REFUSED_NEXT_STEP);
        }
        return new Rejection(code, IDENTITY.getOrDefault(code, IDENTITY_FALLBACK));
    }

    public static Rejection addressRefused(String code) {
        return new Rejection(code, ADDRESS.getOrDefault(code, ADDRESS_FALLBACK));
    }

    public static Rejection rejectedByReviewer(String reason) {
        String message = reason == null || reason.isBlank()
                ? "Votre demande de compte n'a pas été acceptée. Contactez le centre de services pour en savoir plus."
                : reason.strip();
        return new Rejection(REJECTED_BY_REVIEWER, message);
    }
}
