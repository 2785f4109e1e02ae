package fr.esante.medimail.identity.directory;

/** A row of the extraction file left out of the directory, with why (English, for operators). */
public record RowRejection(long lineNumber, String reason) {
}
