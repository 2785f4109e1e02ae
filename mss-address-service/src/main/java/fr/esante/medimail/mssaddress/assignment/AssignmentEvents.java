package fr.esante.medimail.mssaddress.assignment;

/**
 * Tells the rest of the platform how an assignment ended. Implementations record the event in the
 * transaction of the assignment, so the address and its announcement are committed together or not at all.
 */
public interface AssignmentEvents {

    void published(AssignmentOutcome outcome);
}
