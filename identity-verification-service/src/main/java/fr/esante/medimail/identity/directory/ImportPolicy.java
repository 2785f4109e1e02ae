package fr.esante.medimail.identity.directory;

/**
 * When a file that was read to the end still must not replace the directory: a file with many bad rows is
 * corrupt rather than slightly dirty, and a file much smaller than the current directory is most likely cut
 * at a line boundary (which no parser can see). {@code force} on an operator import skips the size check.
 *
 * @param maxRejectedRatio          share of rejected rows above which the file is refused
 * @param rejectedRowsAlwaysTolerated a small file may have this many bad rows whatever the ratio
 * @param minSizeRatio              the new directory must have at least this share of the current one's rows
 */
public record ImportPolicy(double maxRejectedRatio, long rejectedRowsAlwaysTolerated, double minSizeRatio) {

    public static ImportPolicy defaults() {
        return new ImportPolicy(0.01, 100, 0.5);
    }
}
