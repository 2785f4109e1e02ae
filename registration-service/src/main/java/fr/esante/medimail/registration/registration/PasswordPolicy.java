package fr.esante.medimail.registration.registration;

import java.nio.charset.StandardCharsets;

/**
 * Passwords chosen at registration: at least {@value #MIN_LENGTH} characters mixing letters and digits, and at most
 * {@value #MAX_BYTES} bytes in UTF-8 (what BCrypt can take into account).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    /** Long enough, with at least one letter and one digit. Null is not judged here (a missing value is another error). */
    public static boolean isStrongEnough(String password) {
        if (password == null) {
            return true;
        }
        return password.codePointCount(0, password.length()) >= MIN_LENGTH
                && password.codePoints().anyMatch(Character::isLetter)
                && password.codePoints().anyMatch(Character::isDigit);
    }

    public static boolean fitsHashing(String password) {
        return password == null || password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }
}
