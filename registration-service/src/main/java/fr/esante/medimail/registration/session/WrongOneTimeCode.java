package fr.esante.medimail.registration.session;

/** A wrong one-time code (400 OTP_INVALID); the problem says how many tries the challenge has left. */
public class WrongOneTimeCode extends RuntimeException {

    private final int triesLeft;

    public WrongOneTimeCode(int triesLeft) {
        super(triesLeft > 0
                ? "Code incorrect. Il vous reste " + triesLeft + (triesLeft > 1 ? " essais." : " essai.")
                : "Code incorrect. Ce code n'est plus utilisable : reconnectez-vous pour en recevoir un nouveau.",
                null, false, false);
        this.triesLeft = triesLeft;
    }

    public int triesLeft() {
        return triesLeft;
    }
}
