package fr.esante.medimail.identity.decision;

/** Announces a decision to the rest of the platform, in the caller's transaction (port). */
public interface DecisionPublisher {

    DecisionLog.PublishedEvent publish(Decision decision);
}
