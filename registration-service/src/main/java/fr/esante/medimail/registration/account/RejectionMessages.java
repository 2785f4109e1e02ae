package fr.esante.medimail.registration.account;

import java.util.Map;
import fr.esante.medimail.registration.RegistrationApplication;
import fr.esante.medimail.support.texts.UserTexts;

/**
 * The French message shown to the holder for each refusal code sent by the other services. Their own
 * {@code detail} is English and meant for staff; it is never shown to users, except the reviewer's text of an
 * identity refused by the centre de services (REJECTED_BY_REVIEWER), written in French for the holder.
 */
public final class RejectionMessages {

    private static final UserTexts TEXTS = UserTexts.of(RegistrationApplication.NAME);

    private static final String CORRECT_AND_RESUBMIT = TEXTS.text("account.identity-rejection.correct-and-resubmit");

    private static final Map<String, String> IDENTITY = Map.ofEntries(
            Map.entry("INVALID_CHECK_DIGIT", TEXTS.text("account.identity-rejection.invalid-check-digit")
                    + CORRECT_AND_RESUBMIT),
            Map.entry("WRONG_LENGTH", TEXTS.text("account.identity-rejection.wrong-length") + CORRECT_AND_RESUBMIT),
            Map.entry("NOT_DIGITS", TEXTS.text("account.identity-rejection.not-digits") + CORRECT_AND_RESUBMIT),
            Map.entry("INVALID_DEPARTMENT", TEXTS.text("account.identity-rejection.invalid-department")
                    + CORRECT_AND_RESUBMIT),
            Map.entry("UNKNOWN_TYPE", TEXTS.text("account.identity-rejection.unknown-type") + CORRECT_AND_RESUBMIT),
            Map.entry("UNKNOWN_PATH", TEXTS.text("account.identity-rejection.unknown-path") + CORRECT_AND_RESUBMIT),
            Map.entry("IDENTIFIER_TYPE_NOT_ALLOWED", TEXTS.text("account.identity-rejection.identifier-type-not-allowed") + CORRECT_AND_RESUBMIT),
            Map.entry("NOT_FOUND", TEXTS.text("account.identity-rejection.not-found")),
            Map.entry("INACTIVE", TEXTS.text("account.identity-rejection.inactive")),
            Map.entry("NAME_MISMATCH", TEXTS.text("account.identity-rejection.name-mismatch")),
            Map.entry("PROFESSION_MISMATCH", TEXTS.text("account.identity-rejection.profession-mismatch") + CORRECT_AND_RESUBMIT),
            Map.entry("STRUCTURE_NOT_FOUND", TEXTS.text("account.identity-rejection.structure-not-found") + CORRECT_AND_RESUBMIT),
            // Never names the other account: whoever holds it can recover it, anyone else must ask the service desk.
            Map.entry("IDENTIFIER_ALREADY_REGISTERED", TEXTS.text("account.identity-rejection.identifier-already-registered")),
            Map.entry("DIRECTORY_UNAVAILABLE", TEXTS.text("account.identity-rejection.directory-unavailable")));

    /** An identity refused by a member of the centre de services; their own words follow when the event carries them. */
    private static final String IDENTITY_REFUSED_BY_REVIEWER = TEXTS.text("account.identity-rejection.by-reviewer");
    private static final String IDENTITY_REFUSED_NEXT_STEP = TEXTS.text("account.identity-rejection.by-reviewer.next-step");
    /** Keeps the message within the stored rejection (2000 characters); reviewers write at most 1000. */
    private static final int MAX_REVIEWER_TEXT = 1000;

    private static final String IDENTITY_FALLBACK = TEXTS.text("account.identity-rejection.other");

    private static final Map<String, String> ADDRESS = Map.of(
            "NAME_NOT_REPRESENTABLE", TEXTS.text("account.address-refusal.name-not-representable"),
            "UNKNOWN_PROFESSION", TEXTS.text("account.address-refusal.unknown-profession"));

    private static final String ADDRESS_FALLBACK = TEXTS.text("account.address-refusal.other");

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
                ? TEXTS.text("account.rejected-by-reviewer.no-reason")
                : reason.strip();
        return new Rejection(REJECTED_BY_REVIEWER, message);
    }
}
