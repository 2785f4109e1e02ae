package fr.esante.medimail.backoffice.review;

/**
 * Which pending reviews the staff page shows: each criterion may be null (no filter). {@code text} is looked for in
 * the applicant's names, e-mail, identifier (declared or verified) and MSSante address, whatever the case.
 */
public record QueueQuery(String region, String profession, String path, String text) {

    public QueueQuery {
        region = blankToNull(region);
        profession = blankToNull(profession);
        path = blankToNull(path);
        text = blankToNull(text);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
