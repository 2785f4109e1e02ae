package fr.esante.medimail.identity.decision;

/**
 * One value checked against the directory, kept as evidence: what was declared, what the directory said,
 * and the verdict (MATCH, NEAR_MISS, MISMATCH, or INFO for values recorded without being a condition).
 */
public record Comparison(String field, String declared, String directory, String result) {
}
