package fr.esante.medimail.identity.decision;

/** Keeps every decision with its evidence, for audit (port). */
public interface DecisionLog {

    void record(Decision decision, PublishedEvent event);

    /** Decisions about an account, newest first, with their evidence as stored (audit, staff tools). */
    java.util.List<java.util.Map<String, Object>> forAccount(java.util.UUID accountId);

    /** Which event announced the decision. */
    record PublishedEvent(String type, java.util.UUID eventId) {
    }
}
