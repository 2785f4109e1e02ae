package fr.esante.medimail.identity.directory;

/**
 * One activity row of the extraction file, reduced to the columns the service keeps
 * ({@link ExtractionColumns#KEPT}, same order), empty cells as null. The national id is recomputed from the
 * identifier type and value, which is what look-ups use.
 *
 * @param values kept values, reused by the reader for the next row: copy what must outlive the call
 */
public record DirectoryRow(long lineNumber, String nationalId, String[] values) {

    public String identifierType() {
        return values[0];
    }

    public String identifier() {
        return values[1];
    }
}
