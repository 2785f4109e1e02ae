package fr.esante.medimail.registration.session;

import fr.esante.medimail.registration.RegistrationApplication;
import fr.esante.medimail.support.texts.UserTexts;

/** A wrong one-time code (400 OTP_INVALID); the problem says how many tries the challenge has left. */
public class WrongOneTimeCode extends RuntimeException {

    private static final UserTexts TEXTS = UserTexts.of(RegistrationApplication.NAME);

    private final int triesLeft;

    public WrongOneTimeCode(int triesLeft) {
        super(triesLeft > 1 ? TEXTS.text("session.wrong-code.tries-left", Integer.toString(triesLeft))
                : triesLeft == 1 ? TEXTS.text("session.wrong-code.last-try")
                : TEXTS.text("session.wrong-code.no-try-left"),
                null, false, false);
        this.triesLeft = triesLeft;
    }

    public int triesLeft() {
        return triesLeft;
    }
}
