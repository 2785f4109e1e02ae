package fr.esante.medimail.registration.psc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Reads PSC's claims (the only PSC-specific names in this service): {@code SubjectNameID} is the national
 * identifier, "8" + RPPS for RPPS holders; {@code SubjectRefPro.exercices[]} lists the professions
 * ({@code codeProfession}) with their savoir-faire ({@code codeSavoirFaire}); names are {@code family_name} and
 * {@code given_name}, from the ID token or userinfo.
 */
public final class PscClaims {

    static final String SUBJECT_NAME_ID = "SubjectNameID";
    static final String SUBJECT_REF_PRO = "SubjectRefPro";

    private PscClaims() {
    }

    public static PscIdentity identity(OidcUser user) {
        Map<String, Object> claims = user.getClaims();
        String nationalId = text(claims.get(SUBJECT_NAME_ID));
        if (nationalId == null || !nationalId.matches("8\\d{11}")) {
            // ADELI holders ("0" + ADELI) and others: the ordinary sign-up with a typed identifier is for them.
            throw new PscLoginFailed(PscLoginFailed.Kind.UNSUPPORTED_IDENTITY, "the vouched identity has no RPPS"
                    + " (SubjectNameID of kind " + (nationalId == null || nationalId.isEmpty() ? "none" : nationalId.charAt(0)) + ")");
        }
        String lastName = text(claims.get("family_name"));
        String firstName = text(claims.get("given_name"));
        if (lastName == null || firstName == null || lastName.length() > 100 || firstName.length() > 100) {
            throw new PscLoginFailed(PscLoginFailed.Kind.REJECTED, "the vouched identity lacks usable names");
        }
        List<String> professions = new ArrayList<>();
        List<String> specialties = new ArrayList<>();
        if (claims.get(SUBJECT_REF_PRO) instanceof Map<?, ?> refPro && refPro.get("exercices") instanceof List<?> exercises) {
            for (Object exercise : exercises) {
                if (exercise instanceof Map<?, ?> fields) {
                    String profession = text(fields.get("codeProfession"));
                    if (profession != null && profession.matches("\\d{1,3}") && !professions.contains(profession)) {
                        professions.add(profession);
                        String specialty = text(fields.get("codeSavoirFaire"));
                        specialties.add(specialty != null && specialty.matches("[A-Z0-9]{1,10}") ? specialty : null);
                    }
                }
            }
        }
        String email = text(claims.get("email"));
        if (email != null && (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            email = null;
        }
        return new PscIdentity(nationalId.substring(1), lastName, firstName, professions, specialties, email);
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }
}
