package fr.esante.medimail.backoffice.review;

/**
 * Which pending reviews the staff page shows: each criterion may be null (no filter). {@code text} is looked for in
 * the applicant's names, e-mail, identifier (declared or verified) and MSSante address, whatever the case.
 * {@code kind}: ACCOUNT (individual mailboxes) or ORG (organisational mailboxes, told apart by their mailbox type).
 */
public record QueueQuery(String kind, String region, String profession, String path, String text) {

    public QueueQuery {
        kind = blankToNull(kind);
        region = blankToNull(region);
        profession = blankToNull(profession);
        path = blankToNull(path);
        text = blankToNull(text);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
