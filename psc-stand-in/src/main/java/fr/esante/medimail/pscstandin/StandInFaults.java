package fr.esante.medimail.pscstandin;

import org.springframework.stereotype.Component;

/**
 * Misbehaviours the tests switch on to check that the client refuses what a faulty or forged provider would send.
 * Always {@link Fault#NONE} on the local stack.
 */
@Component
public class StandInFaults {

    public enum Fault {
        NONE,
        /** ID tokens already expired when issued. */
        EXPIRED_ID_TOKEN,
        /** ID tokens signed with a key the JWKS does not publish (same key id), as a forger would. */
        ID_TOKEN_SIGNED_WITH_UNPUBLISHED_KEY
    }

    private volatile Fault fault = Fault.NONE;

    public Fault current() {
        return fault;
    }

    public void set(Fault fault) {
        this.fault = fault;
    }
}
