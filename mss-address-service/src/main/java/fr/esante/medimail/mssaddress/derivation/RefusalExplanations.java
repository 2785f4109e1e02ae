package fr.esante.medimail.mssaddress.derivation;

/**
 * The French sentence that explains a refusal to whoever reads it (the professional, the back-office agents: it travels
 * in {@code MssAddressRefused}). The wording lives in the service's texts, not in the derivation.
 */
@FunctionalInterface
public interface RefusalExplanations {

    /** @param field {@code firstName}, {@code lastName} or {@code profession}; {@code value} as declared, shortened */
    String explain(RefusalReason reason, String field, String value);
}
