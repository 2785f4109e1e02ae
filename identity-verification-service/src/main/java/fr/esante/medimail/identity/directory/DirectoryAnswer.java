package fr.esante.medimail.identity.directory;

/** What a directory said about an identifier. */
public sealed interface DirectoryAnswer {

    DirectorySource source();

    /** @param importId the import that answered, null for the live directory */
    record Found(Professional professional, DirectorySource source, Long importId) implements DirectoryAnswer {
    }

    record NotFound(DirectorySource source, Long importId) implements DirectoryAnswer {
    }

    /** No answer could be had (not configured, timed out, down, malformed reply, nothing imported yet). */
    record Unavailable(DirectorySource source, String reason) implements DirectoryAnswer {
    }
}
